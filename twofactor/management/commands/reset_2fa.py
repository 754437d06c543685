from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from twofactor.policy import must_enrol, reset_devices


class Command(BaseCommand):
    help = "删除用户的两步验证设备和恢复码（例如手机丢失时），用户下次登录时重新设置。"

    def add_arguments(self, parser):
        parser.add_argument("username", help="用户名")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"用户不存在：{username}") from None
        count = reset_devices(user)
        self.stdout.write(f"已重置用户 {username} 的两步验证（删除 {count} 个设备）。")
        if must_enrol(user):
            self.stdout.write("该用户下次登录后台时须重新设置两步验证。")
