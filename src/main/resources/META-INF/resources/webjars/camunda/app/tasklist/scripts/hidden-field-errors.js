// Camunda Forms keeps the error of a field after a condition hides it, and Tasklist keeps 完成 disabled while
// any error is left: an agent who submits 拒绝 without a reason and then chooses 同意 is stuck until a reload.
// This drops the errors of fields that are not shown. Tasklist exposes no handle on its form, so the form is
// found through the context its viewer (Preact) renders at the root of .fjs-container.
const hooked = new WeakSet();

function formOf(container) {
  const stack = [container.__k];
  while (stack.length) {
    const vnode = stack.pop();
    if (!vnode) continue;
    const value = vnode.props && vnode.props.value;
    if (value && typeof value.getService === 'function') {
      return value.getService('form');
    }
    stack.push(...(Array.isArray(vnode.__k) ? vnode.__k : [vnode.__k]));
  }
  return null;
}

function dropHiddenFieldErrors(form) {
  const shown = new Set(form.get('formFieldInstanceRegistry').getAllKeyed().map((instance) => instance.id));
  const {errors} = form._getState();
  const stale = Object.keys(errors).filter((id) => !shown.has(id) || errors[id] === undefined);
  if (stale.length) {
    const kept = {...errors};
    stale.forEach((id) => delete kept[id]);
    form._setState({errors: kept});
  }
}

function hook() {
  document.querySelectorAll('.fjs-container').forEach((container) => {
    if (hooked.has(container)) return;
    const form = formOf(container);
    if (!form) return;
    hooked.add(container);
    // after the render settles: a field being re-rendered leaves the registry for a moment and comes back
    let pending;
    const check = () => {
      clearTimeout(pending);
      pending = setTimeout(() => dropHiddenFieldErrors(form), 50);
    };
    form.on('formFieldInstanceRegistry.changed', check);
    form.on('changed', check);
  });
}

new MutationObserver(hook).observe(document.documentElement, {subtree: true, childList: true});
