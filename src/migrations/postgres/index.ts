import * as migration_20261127_100642_initial from './20261127_100642_initial';
import * as migration_20261127_121327_visitor_statistics from './20261127_121327_visitor_statistics';

export const migrations = [
  {
    up: migration_20261127_100642_initial.up,
    down: migration_20261127_100642_initial.down,
    name: '20261127_100642_initial',
  },
  {
    up: migration_20261127_121327_visitor_statistics.up,
    down: migration_20261127_121327_visitor_statistics.down,
    name: '20261127_121327_visitor_statistics'
  },
];
