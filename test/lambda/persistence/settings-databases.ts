/** The skill's settings store is tested on the same scratch databases as every other tier. */
export {
  scratchEngines as settingsEngines,
  type ScratchDatabase,
  type ScratchEngine as SettingsEngine,
} from '../../support/scratch-databases';
