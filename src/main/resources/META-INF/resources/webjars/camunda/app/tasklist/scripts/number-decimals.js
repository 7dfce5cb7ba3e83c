// Camunda Forms shows a number as JavaScript writes it: 128, not 128.00, even in a field with two decimal digits
// (every money field has them). This pads what such a field shows to its decimal digits, when the field appears
// and when the agent leaves it, by entering the padded text as a person would: form-js keeps the same number
// as the value and shows the padded text from then on. form-js gives the input the step 1e-<decimalDigits>.
const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
const PLAIN_NUMBER = /^-?\d+(\.\d*)?$/;

function decimalsOf(input) {
  const step = input.getAttribute('step');
  const match = step && step.match(/^0\.(0*)1$/);
  return match ? match[1].length + 1 : 0;
}

function pad(input) {
  if (input === document.activeElement) return; // not while the agent types
  const digits = decimalsOf(input);
  const text = input.value.trim();
  if (!digits || !PLAIN_NUMBER.test(text)) return;
  const padded = Number(text).toFixed(digits);
  // more decimals than the field takes is left as typed, for the form's own message
  if (padded === text || Number(padded) !== Number(text)) return;
  valueSetter.call(input, padded);
  input.dispatchEvent(new Event('input', {bubbles: true}));
}

function padAll() {
  document.querySelectorAll('.fjs-form-field-number input.fjs-input').forEach(pad);
}

document.addEventListener('focusout', (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.closest('.fjs-form-field-number')) {
    setTimeout(() => pad(input)); // after form-js has handled the blur
  }
}, true);

new MutationObserver(padAll).observe(document.documentElement, {subtree: true, childList: true});
