// Tasklist as the desk sees it: Simplified Chinese (locales/zh.json) for browsers set to Chinese and for any
// language we have no file for; English for browsers set to English. Replaces the webjar's default config.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Chinese for the validation messages of Camunda Forms; no error left behind on a field a condition hid;
  // amounts with their two decimals (128.00); 启动流程 only for those who may start a process there
  customScripts: ['scripts/form-messages', 'scripts/hidden-field-errors', 'scripts/number-decimals',
    'scripts/start-process-for-starters'],
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '跳到过滤器列表的第一项'},
    focusList: {key: 'ctrl+alt+l', description: '跳到任务列表的第一项'},
    focusForm: {key: 'ctrl+alt+f', description: '跳到任务表单的第一个输入框'}
  }
};
