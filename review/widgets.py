"""Account choosers that show people as “姓名（职务）” (``review.people.person_label``), not their login names."""

from django import forms

from .people import person_label


class PersonLabelsMixin:
    def create_option(self, name, value, label, *args, **kwargs):
        instance = getattr(value, "instance", None)  # a model choice: ModelChoiceIteratorValue
        if instance is not None:
            label = person_label(instance)
        return super().create_option(name, value, label, *args, **kwargs)


class PersonSelect(PersonLabelsMixin, forms.Select):
    pass


class PersonSelectMultiple(PersonLabelsMixin, forms.SelectMultiple):
    pass
