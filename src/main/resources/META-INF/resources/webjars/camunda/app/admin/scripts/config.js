// Admin as the desk sees it: Simplified Chinese (locales/zh.json) for browsers set to Chinese and for any
// language we have no file for; English for browsers set to English, as in Tasklist. Replaces the webjar's
// default config, which sets nothing (every other option keeps Admin's built-in default).
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the few English texts written into Admin's templates rather than its locales
  customScripts: ['scripts/untranslated-texts']
};
