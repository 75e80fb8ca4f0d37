"""The offline gazetteer: GeoNames-derived place data compiled into a fast index."""
