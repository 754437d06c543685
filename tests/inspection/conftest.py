import pytest

from django.contrib.auth.models import Group, User


@pytest.fixture
def office(db):
    """A member of 办公室审核员, who reads 网站健康检查."""
    user = User.objects.create_user("office", password="x")
    user.groups.add(Group.objects.get(name="办公室审核员"))
    return user


@pytest.fixture
def office_client(client, office):
    client.force_login(office)
    return client
