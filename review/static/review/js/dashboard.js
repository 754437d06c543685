// The leader's pending signatures on the dashboard: "签字通过" and "退回修改" open the task's dialog
// (review/templates/review/workflow/sign_modal.html) in Wagtail's ModalWorkflow, as the editor does.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-review-action-url]').forEach((button) => {
    button.addEventListener('click', (event) => {
      event.preventDefault();
      window.ModalWorkflow({
        url: button.dataset.reviewActionUrl,
        onload: {
          action(modal) {
            const form = modal.body.find('form');
            const next = document.createElement('input');
            next.type = 'hidden';
            next.name = 'next';
            next.value = window.location.pathname;
            form.append(next);
            modal.ajaxifyForm(form);
          },
          success(modal, response) {
            window.location.href = response.redirect || window.location.pathname;
          },
        },
        triggerElement: button,
      });
    });
  });
});
