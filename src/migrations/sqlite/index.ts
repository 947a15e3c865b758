import * as migration_20261127_094813_initial from './20261127_094813_initial';

export const migrations = [
  {
    up: migration_20261127_094813_initial.up,
    down: migration_20261127_094813_initial.down,
    name: '20261127_094813_initial'
  },
];
