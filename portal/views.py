"""Error pages. The 500 page is rendered without a database or context processors,
because whatever failed may be the database itself."""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request))


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())
