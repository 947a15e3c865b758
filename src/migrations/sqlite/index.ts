import * as migration_20261127_100635_initial from './20261127_100635_initial';
import * as migration_20261127_121313_visitor_statistics from './20261127_121313_visitor_statistics';

export const migrations = [
  {
    up: migration_20261127_100635_initial.up,
    down: migration_20261127_100635_initial.down,
    name: '20261127_100635_initial',
  },
  {
    up: migration_20261127_121313_visitor_statistics.up,
    down: migration_20261127_121313_visitor_statistics.down,
    name: '20261127_121313_visitor_statistics'
  },
];
