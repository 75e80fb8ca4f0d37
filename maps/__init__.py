"""Maps of merged events: folium rendering, self-contained pages, embeds."""
