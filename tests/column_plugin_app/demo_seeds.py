"""Demo content of the plugin app, found by ``demo.columns.autodiscover`` as a third-party app's would be."""

from demo.columns import seeds

from .models import SafetyTipPage


@seeds("column_plugin_app.safetytipscolumnpage")
def seed_safety_tips(column):
    if not SafetyTipPage.objects.child_of(column).exists():
        tip = SafetyTipPage(title="电动车入户充电危险", slug="ddcrh", summary="电动车请在集中充电点充电。")
        column.add_child(instance=tip)
        tip.save_revision().publish()
