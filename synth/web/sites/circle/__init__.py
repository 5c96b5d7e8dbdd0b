"""circle.example: profiles, friends, albums, check-ins and groups."""
