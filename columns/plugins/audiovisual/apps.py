from django.apps import AppConfig


class AudiovisualConfig(AppConfig):
    name = "columns.plugins.audiovisual"
    label = "audiovisual"
    verbose_name = "影音政法"
