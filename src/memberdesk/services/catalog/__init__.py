"""The product catalogue (商品): categories, products, member prices, search at the
counter, the product sheet's import and export."""
