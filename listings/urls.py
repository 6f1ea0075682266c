app_name = "listings"

urlpatterns = []
