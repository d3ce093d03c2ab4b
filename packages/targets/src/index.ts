export * from './contract';
export {
  createTargetRegistry,
  DuplicateTargetKindError,
  unloadedKinds,
  type TargetRegistry,
} from './registry';
export { BUILTIN_TARGET_PLUGINS } from './builtin';
export { loadTargetPlugins, parseTargetPluginNames, TargetPluginLoadError } from './load-plugins';
export { findPluginProblems, isTargetPlugin } from './check-plugin';
export { validateSettings, applySettingDefaults, settingField, isHttpUrl } from './settings';
export { secretSettingKeys, isSecretSetting, mapSecretSettings } from './secret-settings';
export { prepareTarget, supportsChange, type PreparedTarget } from './prepare-target';
