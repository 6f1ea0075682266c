from django.urls import path

from . import feeds, views

app_name = "subscriptions"

urlpatterns = [
    path("", views.index, name="index"),
    path("save/", views.save, name="save"),
    path("profile/", views.profile, name="profile"),
    path("accept/", views.accept, name="accept"),
    path("feed/reset/", views.feed_reset, name="feed_reset"),
    path("feed/<str:token>/", feeds.PersonalFeed(), name="feed"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/pause/", views.pause, name="pause"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
