// The user forms of /admin/users: the party field only for a sending agency, the nationality only for a consulate.
// Without JavaScript both fields stay visible and the server ignores the one the role does not need.
(function () {
  document.querySelectorAll('form.user-form').forEach(function (form) {
    var role = form.querySelector('select[name="role"]');
    if (!role) {
      return;
    }
    var party = form.querySelector('.scope-party');
    var nationality = form.querySelector('.scope-nationality');
    var hint = form.querySelector('#scope-hint');
    function update() {
      party.hidden = role.value !== 'SENDING_AGENCY';
      nationality.hidden = role.value !== 'CONSULAR';
      if (hint) {
        hint.hidden = true;
      }
    }
    role.addEventListener('change', update);
    update();
  });
})();
