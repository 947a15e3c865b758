import * as migration_20261127_094822_initial from './20261127_094822_initial';

export const migrations = [
  {
    up: migration_20261127_094822_initial.up,
    down: migration_20261127_094822_initial.down,
    name: '20261127_094822_initial'
  },
];
