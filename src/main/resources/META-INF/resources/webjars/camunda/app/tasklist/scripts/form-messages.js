// Camunda Forms (form-js) writes its validation messages and a dropdown's empty "Select" in English only; the
// desk reads Chinese. This translates them in place, editing the text node form-js owns so its later updates
// still land on it. A bound of a number field with decimal digits (money) reads as the field shows it: 128.00.
const RULES = [
  [/^Field is required\.$/, () => '必填'],
  [/^Field must have minimum value of (.+)\.$/, (m, field) => `不能小于 ${asShown(m[1], field)}`],
  [/^Field must have maximum value of (.+)\.$/, (m, field) => `不能大于 ${asShown(m[1], field)}`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少 ${m[1]} 个字`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字`],
  [/^Field must be a valid email\.$/, () => '请填写有效的邮箱地址'],
  [/^Field must match pattern (.+)\.$/, () => '格式不正确']
];

/** The number with the decimal digits of the field's input (form-js gives it the step 1e-<decimalDigits>). */
function asShown(number, field) {
  const input = field && field.querySelector('input.fjs-input[step]');
  const match = input && input.getAttribute('step').match(/^0\.(0*)1$/);
  return match && /^-?\d+(\.\d+)?$/.test(number) ? Number(number).toFixed(match[1].length + 1) : number;
}

function translate() {
  document.querySelectorAll('.fjs-select-display').forEach((shown) => {
    const text = shown.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE && text.data === 'Select') {
      text.data = '请选择';
    }
  });
  document.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    const text = item.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) {
      return;
    }
    for (const [pattern, chinese] of RULES) {
      const match = text.data.match(pattern);
      if (match) {
        text.data = chinese(match, item.closest('.fjs-form-field'));
        return;
      }
    }
  });
}

new MutationObserver(translate).observe(document.documentElement,
  {subtree: true, childList: true, characterData: true});
