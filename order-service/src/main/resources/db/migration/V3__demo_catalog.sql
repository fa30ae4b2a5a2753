-- Demo restaurants in Bengaluru with fixed ids, so the README's curl examples and the tests can name them.
insert into restaurant (id, name, cuisine, lat, lon, opens_at, closes_at, time_zone) values
    ('0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10', 'Saravana Bhavan',  'South Indian', 12.9719, 77.6412, '00:00', '00:00', 'Asia/Kolkata'),
    ('1c8d5a9f-3e24-4b6f-9a72-7d0e3b2f6c21', 'Punjab Grill',     'North Indian', 12.9352, 77.6245, '00:00', '00:00', 'Asia/Kolkata'),
    ('2d9e6b0a-4f35-4c7a-8b83-8e1f4c3a7d32', 'Napoli Pizzeria',  'Italian',      12.9784, 77.6408, '00:00', '00:00', 'Asia/Kolkata'),
    ('3e0f7c1b-5a46-4d8b-9c94-9f2a5d4b8e43', 'Dragon Bowl',      'Chinese',      12.9141, 77.6101, '00:00', '00:00', 'Asia/Kolkata'),
    ('4f1a8d2c-6b57-4e9c-8da5-0a3b6e5c9f54', 'Midnight Biryani', 'Hyderabadi',   12.9698, 77.7500, '18:00', '03:00', 'Asia/Kolkata');

insert into menu_item (id, restaurant_id, name, description, price_minor, currency, available) values
    ('a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e21', '0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10', 'Masala Dosa',      'Crisp rice crepe, potato masala', 12000, 'INR', true),
    ('a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e22', '0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10', 'Idli Vada',        'Two idlis, one vada, sambar',      9000, 'INR', true),
    ('a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e23', '0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10', 'Filter Coffee',    'Chicory blend',                    4500, 'INR', true),
    ('a3e1f0c2-7b5d-4e8a-9c31-2f6d8b4a7e24', '0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10', 'Rava Kesari',      'Seasonal, often sold out',         6000, 'INR', false),
    ('b4f2a1d3-8c6e-4f9b-8d42-3a7e9c5b8f31', '1c8d5a9f-3e24-4b6f-9a72-7d0e3b2f6c21', 'Butter Chicken',   'Tandoori chicken in makhani',     34000, 'INR', true),
    ('b4f2a1d3-8c6e-4f9b-8d42-3a7e9c5b8f32', '1c8d5a9f-3e24-4b6f-9a72-7d0e3b2f6c21', 'Dal Makhani',      'Slow-cooked black lentils',       24000, 'INR', true),
    ('b4f2a1d3-8c6e-4f9b-8d42-3a7e9c5b8f33', '1c8d5a9f-3e24-4b6f-9a72-7d0e3b2f6c21', 'Garlic Naan',      'From the tandoor',                 7000, 'INR', true),
    ('c5a3b2e4-9d7f-4a0c-9e53-4b8f0d6c9a41', '2d9e6b0a-4f35-4c7a-8b83-8e1f4c3a7d32', 'Margherita',       'San Marzano, fior di latte',      39900, 'INR', true),
    ('c5a3b2e4-9d7f-4a0c-9e53-4b8f0d6c9a42', '2d9e6b0a-4f35-4c7a-8b83-8e1f4c3a7d32', 'Diavola',          'Spicy salami',                    49900, 'INR', true),
    ('c5a3b2e4-9d7f-4a0c-9e53-4b8f0d6c9a43', '2d9e6b0a-4f35-4c7a-8b83-8e1f4c3a7d32', 'Tiramisu',         'Mascarpone, espresso',            24900, 'INR', true),
    ('d6b4c3f5-0e8a-4b1d-8f64-5c9a1e7d0b51', '3e0f7c1b-5a46-4d8b-9c94-9f2a5d4b8e43', 'Hakka Noodles',    'Wok-tossed vegetables',           21000, 'INR', true),
    ('d6b4c3f5-0e8a-4b1d-8f64-5c9a1e7d0b52', '3e0f7c1b-5a46-4d8b-9c94-9f2a5d4b8e43', 'Chilli Paneer',    'Dry, with capsicum',              26000, 'INR', true),
    ('e7c5d4a6-1f9b-4c2e-9a75-6d0b2f8e1c61', '4f1a8d2c-6b57-4e9c-8da5-0a3b6e5c9f54', 'Chicken Biryani',  'Dum-cooked, with raita',          32000, 'INR', true),
    ('e7c5d4a6-1f9b-4c2e-9a75-6d0b2f8e1c62', '4f1a8d2c-6b57-4e9c-8da5-0a3b6e5c9f54', 'Mirchi ka Salan',  'Chilli and peanut curry',         15000, 'INR', true);
