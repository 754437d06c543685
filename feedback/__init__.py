"""网站纠错 (我为政府网站找错): visitors report errors on the site; staff acknowledge and fix them within deadlines."""
