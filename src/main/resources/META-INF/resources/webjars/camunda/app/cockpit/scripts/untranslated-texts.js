// A few of Cockpit's texts are written into its templates and code, not into locales/en.json, so
// locales/zh.json cannot reach them. Where Cockpit speaks Chinese (config.js: English only for a browser
// whose first language is English), they are put into Chinese in place, in the text node Cockpit owns.
const RULES = [
  ['thead td.actions', 'Actions', '操作'], // the variables table
  ['td.type', 'Failed Job', '作业失败'], // the incidents table
  ['td.type', 'failedExternalTask', '外部任务失败'],
  ['td.message i', 'Message is null.', '消息为空。'],
  ['.null-value', 'null', '空'], // an instance without a super process instance
  ['.loading-text', 'Loading diagram', '正在加载流程图']
];

function translate() {
  for (const [selector, english, chinese] of RULES) {
    document.querySelectorAll(selector).forEach((element) => {
      element.childNodes.forEach((node) => {
        if (node.nodeType === Node.TEXT_NODE && node.data.trim() === english) {
          node.data = node.data.replace(english, chinese);
        }
      });
    });
  }
}

const language = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase();
if (language.split('-')[0] !== 'en') {
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        translate();
      });
    }
  }).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
}
