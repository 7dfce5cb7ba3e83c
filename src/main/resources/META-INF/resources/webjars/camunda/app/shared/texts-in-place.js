// A few texts of Cockpit and Admin are written into their templates and code, not into locales/en.json, so
// locales/zh.json cannot reach them. Where the app speaks Chinese (its config.js: English only for a browser whose
// first language is English), each rule [selector, English, Chinese] puts one into Chinese in place, in the text
// node the app owns, as the app renders it.
export function putIntoChinese(rules) {
  const language = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase();
  if (language.split('-')[0] === 'en') {
    return;
  }
  const translate = () => {
    for (const [selector, english, chinese] of rules) {
      document.querySelectorAll(selector).forEach((element) => {
        element.childNodes.forEach((node) => {
          if (node.nodeType === Node.TEXT_NODE && node.data.trim() === english) {
            node.data = node.data.replace(english, chinese);
          }
        });
      });
    }
  };
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
