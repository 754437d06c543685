"""The dashboard panel of 网站健康检查: each item's state in one line, breaches and warnings first."""

from wagtail.admin.ui.components import Component

from portal.site_inspection import STATE_LABELS, STATE_RANK, overall_state, run_inspection


class InspectionPanel(Component):
    name = "site_inspection"
    template_name = "inspection/panel.html"
    order = 20

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        items = run_inspection()
        state = overall_state(items)
        context["items"] = sorted(items, key=lambda item: (-STATE_RANK[item.state], not item.veto, item.order))
        context["overall_state"] = state
        context["overall_label"] = STATE_LABELS[state]
        return context
