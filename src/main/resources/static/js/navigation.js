// The header's menu folds behind a button on narrow screens. Without this script the menu simply stays open.
// The button is a real <button> (keyboard: Enter and Space), says whether the menu is open (aria-expanded), and
// Escape closes the menu and gives the focus back to the button.
(function () {
  const header = document.getElementById('topbar');
  const button = document.getElementById('nav-toggle');
  const menu = document.getElementById('topbar-menu');
  if (!header || !button || !menu) { return; }
  header.classList.add('folds');
  button.hidden = false;

  function set(open) {
    button.setAttribute('aria-expanded', String(open));
    header.classList.toggle('menu-open', open);
  }

  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', event => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true' && button.offsetParent !== null) {
      set(false);
      button.focus();
    }
  });
})();
