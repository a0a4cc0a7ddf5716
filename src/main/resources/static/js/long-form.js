// A form that may take a while (a housing plan, a billing run) says so while the server works: its button is
// disabled against a second submission and a status line with an indeterminate progress bar is announced.
(function () {
  'use strict';
  document.querySelectorAll('form[data-working]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.submitted === 'true') {
        event.preventDefault();
        return;
      }
      form.dataset.submitted = 'true';
      form.querySelectorAll('button[type="submit"]').forEach(function (b) {
        b.setAttribute('aria-disabled', 'true');
        b.classList.add('busy');
      });
      var status = document.createElement('p');
      status.className = 'working';
      status.setAttribute('role', 'status');
      status.id = (form.id || 'form') + '-working';
      var bar = document.createElement('progress');
      bar.setAttribute('aria-label', form.dataset.working);
      status.appendChild(bar);
      status.appendChild(document.createTextNode(' ' + form.dataset.working));
      form.appendChild(status);
    });
  });
})();
