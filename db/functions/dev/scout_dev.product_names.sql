-- What a Philippine sari-sari store or supermarket sells in each reference category,
-- named as a shopper would: the generator's products take their names from here, so
-- Platinum's sentences (and semantic search over them) read like real purchases.
create or replace view scout_dev.product_names
with (security_invoker = true)
as
select v.category, v.products
  from (values
    ('Alcoholic Beverages', array['San Miguel Pale Pilsen 330ml', 'Red Horse Beer 500ml', 'Tanduay Rhum 750ml',
                                  'Ginebra San Miguel Gin 700ml', 'Emperador Brandy 1L', 'San Mig Light 330ml']),
    ('Bakery', array['Gardenia Classic White Bread', 'Pandesal (10 pcs)', 'Ensaymada', 'Monay', 'Spanish Bread',
                     'Gardenia Wheat Raisin Loaf']),
    ('Beverages', array['Coca-Cola 1.5L', 'Sprite 1.5L', 'Royal Tru-Orange 1L', 'C2 Green Tea 500ml',
                        'Nature''s Spring Drinking Water 1L', 'Del Monte Pineapple Juice 1L', 'Kopiko 3-in-1 Coffee',
                        'Milo Chocolate Drink 300g']),
    ('Canned Goods', array['Century Tuna Flakes in Oil', '555 Sardines in Tomato Sauce', 'Argentina Corned Beef',
                           'Spam Classic 340g', 'Ligo Sardines', 'Del Monte Tomato Sauce']),
    ('Condiments', array['Datu Puti Vinegar 1L', 'Silver Swan Soy Sauce 1L', 'UFC Banana Ketchup',
                         'Mang Tomas All-Purpose Sauce', 'Knorr Sinigang Mix', 'Ajinomoto Umami Seasoning']),
    ('Dairy', array['Alaska Evaporated Milk', 'Bear Brand Powdered Milk', 'Nestle Fresh Milk 1L', 'Eden Cheese 165g',
                    'Magnolia Butter 225g', 'Nestle Yogurt']),
    ('Frozen Foods', array['Purefoods Tender Juicy Hotdog', 'CDO Longganisa', 'Magnolia Chicken Nuggets',
                           'Selecta Ice Cream 1.5L', 'Pampanga''s Best Tocino', 'Frozen Tilapia Fillet']),
    ('Household Cleaning', array['Surf Laundry Powder', 'Downy Fabric Conditioner', 'Joy Dishwashing Liquid',
                                 'Zonrox Bleach 1L', 'Domex Toilet Cleaner', 'Baygon Insect Spray']),
    ('Instant Noodles', array['Lucky Me Pancit Canton', 'Nissin Cup Noodles Beef', 'Payless Xtra Big Noodles',
                              'Lucky Me Beef Mami', 'Nissin Ramen Seafood', 'Quickchow Chicken Noodles']),
    ('Personal Care', array['Safeguard Bar Soap', 'Palmolive Shampoo Sachet', 'Colgate Toothpaste 150ml',
                            'Rexona Deodorant', 'Head & Shoulders Shampoo', 'Modess Sanitary Napkins']),
    ('Snacks', array['Piattos Cheese', 'Nova Multigrain Chips', 'Oishi Prawn Crackers', 'Chippy Barbecue',
                     'Boy Bawang Cornick', 'SkyFlakes Crackers']),
    ('Tobacco', array['Marlboro Red (pack of 20)', 'Fortune Cigarettes (pack)', 'Hope Cigarettes (pack)',
                      'Mighty Cigarettes (pack)', 'Philip Morris (pack of 20)'])
  ) v(category, products);
comment on view scout_dev.product_names is
    'The product names the generator gives each reference category''s SKUs (scout_dev.generate_products), in turn; for demos, tests and benchmarks.';
comment on column scout_dev.product_names.category is 'A reference category (scout.ref_categories).';
comment on column scout_dev.product_names.products is 'Names of products a shopper would ask for, with their size where a shelf shows one.';
revoke all on scout_dev.product_names from public;
