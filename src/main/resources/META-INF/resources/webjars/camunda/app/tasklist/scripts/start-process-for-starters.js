// Tasklist's header offers 启动流程 only to those who may start something there: agents and managers, for
// 修改售后申请. Warehouse staff would open an empty dialog. Only the offer is decided here; what may be started
// is the engine's grants. Asked again for each user, as another user may log in without a page reload.
let askedFor = null;

function engineApi() {
  const match = location.pathname.match(/^(.*)\/app\/tasklist\/([^/]+)\//);
  return match ? `${match[1]}/api/engine/engine/${match[2]}` : null;
}

function currentUser() {
  const menu = document.querySelector('.account');
  return menu ? menu.textContent.trim() : null;
}

function offer() {
  const actions = document.querySelectorAll('.start-process-action');
  const user = currentUser();
  if (!actions.length || !user || user === askedFor || !engineApi()) return;
  askedFor = user;
  actions.forEach((item) => item.classList.remove('desk-may-start'));
  fetch(`${engineApi()}/process-definition/count?latestVersion=true&active=true&startableInTasklist=true`
      + '&startablePermissionCheck=true', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : {count: 0}))
    .then(({count}) => {
      if (askedFor === user) {
        document.querySelectorAll('.start-process-action')
          .forEach((item) => item.classList.toggle('desk-may-start', count > 0));
      }
    });
}

new MutationObserver(offer).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
