"""The embedded default on one machine: `make run` (gunicorn, with DJANGO_DEBUG=false: as the platform
will run) and `make dev` (the development server, DEBUG on, reloading on every change).

Plain http on localhost: cookies are not marked Secure (production's are) and there is no HTTPS redirect,
so log-in works at http://127.0.0.1:8000; ALLOWED_HOSTS is base's loopback names.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# No web server in front: the platform serves public uploads itself (static files: WhiteNoise).
SERVE_MEDIA = True
