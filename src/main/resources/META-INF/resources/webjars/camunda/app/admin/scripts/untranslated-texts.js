// A few of Admin's texts are written into its templates, not into locales/en.json, so locales/zh.json cannot
// reach them. Where Admin speaks Chinese (config.js: English only for a browser whose first language is
// English), they are put into Chinese in place, in the text node Admin owns.
const RULES = [
  ['span[ng-click="addAllPermissionsTo(authorization)"]', 'Select all', '全选'], // an authorization's permissions
  ['span[ng-click="addNonePermissionsTo(authorization)"]', 'Unselect all', '全不选']
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
