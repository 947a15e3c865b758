import * as migration_20261127_100642_initial from './20261127_100642_initial';
import * as migration_20261127_121327_visitor_statistics from './20261127_121327_visitor_statistics';
import * as migration_20261127_130203_article_expiry_job from './20261127_130203_article_expiry_job';
import * as migration_20261127_173712_image_sizes_medium_sidebar from './20261127_173712_image_sizes_medium_sidebar';
import * as migration_20261201_004745_review_workflow from './20261201_004745_review_workflow';
import * as migration_20261201_042137_security_hardening from './20261201_042137_security_hardening';
import * as migration_20261201_075428_backups_and_nukeviet from './20261201_075428_backups_and_nukeviet';
import * as migration_20261202_025849_article_hero_position from './20261202_025849_article_hero_position';

export const migrations = [
  {
    up: migration_20261127_100642_initial.up,
    down: migration_20261127_100642_initial.down,
    name: '20261127_100642_initial',
  },
  {
    up: migration_20261127_121327_visitor_statistics.up,
    down: migration_20261127_121327_visitor_statistics.down,
    name: '20261127_121327_visitor_statistics',
  },
  {
    up: migration_20261127_130203_article_expiry_job.up,
    down: migration_20261127_130203_article_expiry_job.down,
    name: '20261127_130203_article_expiry_job',
  },
  {
    up: migration_20261127_173712_image_sizes_medium_sidebar.up,
    down: migration_20261127_173712_image_sizes_medium_sidebar.down,
    name: '20261127_173712_image_sizes_medium_sidebar',
  },
  {
    up: migration_20261201_004745_review_workflow.up,
    down: migration_20261201_004745_review_workflow.down,
    name: '20261201_004745_review_workflow',
  },
  {
    up: migration_20261201_042137_security_hardening.up,
    down: migration_20261201_042137_security_hardening.down,
    name: '20261201_042137_security_hardening',
  },
  {
    up: migration_20261201_075428_backups_and_nukeviet.up,
    down: migration_20261201_075428_backups_and_nukeviet.down,
    name: '20261201_075428_backups_and_nukeviet',
  },
  {
    up: migration_20261202_025849_article_hero_position.up,
    down: migration_20261202_025849_article_hero_position.down,
    name: '20261202_025849_article_hero_position'
  },
];
