/** A word or phrase as a Bengali and as an English document would print it. */
export interface Bilingual {
  bn: string;
  en: string;
}

const b = (bn: string, en: string): Bilingual => ({ bn, en });

export interface ItemKind {
  name: Bilingual;
  unit: Bilingual;
  /** Taka per unit, low and high, moving in steps of `step` taka. */
  price: readonly [number, number];
  step: number;
  /** Quantities on one wholesale invoice; memos and receipts take the low end. */
  qty: readonly [number, number];
  /** Sold by weight or length, so half units happen. */
  fractional?: boolean;
  brands?: readonly Bilingual[];
}

/** A line of business: what its shops are called, what the memo pad says, what it sells. */
export interface Trade {
  shopSuffixes: readonly Bilingual[];
  companySuffixes: readonly Bilingual[];
  tagline: Bilingual;
  items: readonly ItemKind[];
}

const item = (
  name: Bilingual,
  unit: Bilingual,
  price: readonly [number, number],
  step: number,
  qty: readonly [number, number],
  extra: Pick<ItemKind, "fractional" | "brands"> = {},
): ItemKind => ({ name, unit, price, step, qty, ...extra });

const KG = b("কেজি", "kg");
const PCS = b("পিস", "pcs");
const PKT = b("প্যাকেট", "pkt");
const BOTTLE = b("বোতল", "btl");

export const TRADES: readonly Trade[] = [
  {
    shopSuffixes: [
      b("স্টোর", "Store"),
      b("জেনারেল স্টোর", "General Store"),
      b("ভ্যারাইটিজ স্টোর", "Varieties Store"),
      b("ট্রেডার্স", "Traders"),
    ],
    companySuffixes: [b("ফুডস লিমিটেড", "Foods Ltd."), b("এগ্রো ইন্ডাস্ট্রিজ", "Agro Industries")],
    tagline: b(
      "এখানে চাল, ডাল, তেল সহ সকল প্রকার মুদি মালামাল পাইকারি ও খুচরা বিক্রয় করা হয়",
      "Wholesale & retail dealer of rice, dal, oil and all grocery items",
    ),
    items: [
      item(b("মিনিকেট চাল", "Miniket Rice"), KG, [64, 82], 1, [5, 500], { fractional: true }),
      item(b("নাজিরশাইল চাল", "Nazirshail Rice"), KG, [72, 92], 1, [5, 300], { fractional: true }),
      item(b("মোটা চাল", "Coarse Rice"), KG, [48, 58], 1, [10, 800]),
      item(b("মসুর ডাল", "Masur Dal"), KG, [100, 140], 5, [2, 200], { fractional: true }),
      item(b("মুগ ডাল", "Mung Dal"), KG, [130, 170], 5, [1, 100], { fractional: true }),
      item(b("সয়াবিন তেল ৫ লি.", "Soybean Oil 5 L"), BOTTLE, [820, 920], 2, [1, 60], {
        brands: [b("তীর", "Teer"), b("রূপচাঁদা", "Rupchanda"), b("ফ্রেশ", "Fresh")],
      }),
      item(b("সরিষার তেল", "Mustard Oil"), b("লিটার", "ltr"), [230, 290], 5, [1, 50]),
      item(b("চিনি", "Sugar"), KG, [120, 140], 1, [2, 300], { fractional: true }),
      item(b("আটা", "Atta"), KG, [50, 65], 1, [2, 300]),
      item(b("লবণ ১ কেজি", "Salt 1 kg"), PKT, [38, 45], 1, [2, 100]),
      item(b("পেঁয়াজ", "Onion"), KG, [45, 110], 5, [2, 500], { fractional: true }),
      item(b("রসুন", "Garlic"), KG, [160, 240], 10, [1, 100], { fractional: true }),
      item(b("আলু", "Potato"), KG, [25, 50], 1, [5, 800]),
      item(b("ডিম", "Eggs"), b("ডজন", "doz"), [130, 165], 5, [1, 60]),
      item(b("চা পাতা ৪০০ গ্রাম", "Tea Leaves 400 g"), PKT, [190, 260], 5, [1, 40]),
      item(b("গুঁড়া দুধ ৫০০ গ্রাম", "Milk Powder 500 g"), PKT, [400, 480], 5, [1, 30]),
      item(b("ছোলা", "Chickpeas"), KG, [95, 120], 5, [2, 150], { fractional: true }),
    ],
  },
  {
    shopSuffixes: [
      b("হার্ডওয়্যার", "Hardware"),
      b("ট্রেডার্স", "Traders"),
      b("স্টিল হাউস", "Steel House"),
      b("কনস্ট্রাকশন সাপ্লাই", "Construction Supply"),
    ],
    companySuffixes: [b("স্টিল মিলস লিমিটেড", "Steel Mills Ltd."), b("বিল্ডার্স", "Builders")],
    tagline: b(
      "এখানে রড, সিমেন্ট, টিন ও সকল প্রকার নির্মাণ সামগ্রী বিক্রয় করা হয়",
      "Dealer of rod, cement, CI sheet and all building materials",
    ),
    items: [
      item(b("সিমেন্ট (৫০ কেজি)", "Cement (50 kg)"), b("ব্যাগ", "bag"), [500, 580], 5, [10, 800], {
        brands: [
          b("শাহ", "Shah"),
          b("বসুন্ধরা", "Bashundhara"),
          b("সেভেন রিংস", "Seven Rings"),
          b("ক্রাউন", "Crown"),
        ],
      }),
      item(b("রড ১০ মি.মি.", "MS Rod 10 mm"), KG, [88, 105], 1, [100, 5000], {
        brands: [b("বিএসআরএম", "BSRM"), b("কেএসআরএম", "KSRM"), b("একেএস", "AKS")],
      }),
      item(b("রড ১২ মি.মি.", "MS Rod 12 mm"), KG, [88, 105], 1, [100, 5000], {
        brands: [b("বিএসআরএম", "BSRM"), b("কেএসআরএম", "KSRM")],
      }),
      item(b("ইট (১ নং)", "Brick (1st class)"), PCS, [10, 14], 0.5, [1000, 20000]),
      item(b("বালু (সিলেট)", "Sand (Sylhet)"), b("সিএফটি", "cft"), [45, 70], 1, [100, 1500]),
      item(b("পাথর", "Stone Chips"), b("সিএফটি", "cft"), [180, 250], 5, [100, 800]),
      item(b("ঢেউটিন", "CI Sheet"), b("বান্ডেল", "bundle"), [9000, 12000], 100, [1, 20]),
      item(b("পিভিসি পাইপ ১ ইঞ্চি", "PVC Pipe 1 inch"), b("ফুট", "ft"), [28, 45], 1, [20, 600]),
      item(b("রং ৪ লি.", "Paint 4 L"), b("কৌটা", "tin"), [1800, 2600], 50, [1, 40], {
        brands: [b("বার্জার", "Berger"), b("এশিয়ান", "Asian")],
      }),
    ],
  },
  {
    shopSuffixes: [b("স্টেশনারী", "Stationery"), b("লাইব্রেরি", "Library"), b("প্রিন্টার্স", "Printers")],
    companySuffixes: [b("পেপার হাউস", "Paper House"), b("অফিস সাপ্লাইজ", "Office Supplies")],
    tagline: b(
      "এখানে সকল প্রকার অফিস ও শিক্ষা সামগ্রী পাওয়া যায়",
      "All kinds of office & educational stationery",
    ),
    items: [
      item(b("এ৪ কাগজ ৮০ গ্রাম", "A4 Paper 80 gsm"), b("রিম", "ream"), [480, 650], 5, [1, 100]),
      item(b("লিগ্যাল কাগজ", "Legal Paper"), b("রিম", "ream"), [560, 720], 5, [1, 40]),
      item(b("বল পেন", "Ball Pen"), b("বক্স", "box"), [80, 300], 5, [1, 50]),
      item(b("খাতা ২০০ পাতা", "Exercise Book 200 pg"), PCS, [60, 120], 5, [5, 500]),
      item(b("ফাইল কভার", "File Cover"), PCS, [15, 40], 1, [10, 500]),
      item(b("টোনার কার্টিজ", "Toner Cartridge"), PCS, [2500, 6500], 50, [1, 12]),
      item(b("স্টেপলার", "Stapler"), PCS, [150, 450], 10, [1, 20]),
      item(b("মার্কার পেন", "Marker Pen"), PCS, [30, 80], 5, [2, 100]),
      item(b("খাম", "Envelope"), PKT, [60, 200], 10, [1, 50]),
    ],
  },
  {
    shopSuffixes: [
      b("ফার্মেসী", "Pharmacy"),
      b("মেডিসিন কর্নার", "Medicine Corner"),
      b("ড্রাগ হাউস", "Drug House"),
    ],
    companySuffixes: [b("ফার্মা লিমিটেড", "Pharma Ltd."), b("মেডিক্যাল সাপ্লাই", "Medical Supply")],
    tagline: b(
      "এখানে দেশি-বিদেশি সকল প্রকার ঔষধ পাওয়া যায়",
      "All kinds of local & foreign medicines available",
    ),
    items: [
      item(b("নাপা ৫০০ মি.গ্রা.", "Napa 500 mg"), b("পাতা", "strip"), [12, 15], 0.5, [1, 100]),
      item(b("সেকলো ২০ মি.গ্রা.", "Seclo 20 mg"), b("পাতা", "strip"), [60, 70], 1, [1, 60]),
      item(b("ওরস্যালাইন-এন", "ORSaline-N"), PKT, [5, 7], 0.5, [5, 200]),
      item(b("মোনাস ১০", "Monas 10"), b("পাতা", "strip"), [150, 170], 1, [1, 30]),
      item(b("সার্জিক্যাল মাস্ক", "Surgical Mask"), b("বক্স", "box"), [80, 200], 10, [1, 50]),
      item(b("হ্যান্ড স্যানিটাইজার", "Hand Sanitizer"), BOTTLE, [90, 180], 5, [1, 40]),
      item(b("প্যারাসিটামল সিরাপ", "Paracetamol Syrup"), BOTTLE, [30, 45], 1, [1, 60]),
    ],
  },
  {
    shopSuffixes: [b("ইলেকট্রিক", "Electric"), b("ইলেকট্রনিক্স", "Electronics")],
    companySuffixes: [
      b("ইলেকট্রিক্যালস লিমিটেড", "Electricals Ltd."),
      b("পাওয়ার সলিউশন", "Power Solution"),
    ],
    tagline: b(
      "সকল প্রকার ইলেকট্রিক সামগ্রী বিক্রয় ও মেরামত করা হয়",
      "Sales & service of all kinds of electrical goods",
    ),
    items: [
      item(b("এলইডি বাল্ব ১২ ওয়াট", "LED Bulb 12 W"), PCS, [130, 250], 5, [2, 200]),
      item(b("সিলিং ফ্যান", "Ceiling Fan"), PCS, [2800, 4500], 50, [1, 30]),
      item(b("সুইচ বোর্ড", "Switch Board"), PCS, [150, 450], 10, [1, 60]),
      item(b("ক্যাবল ১.৫ আরএম", "Cable 1.5 rm"), b("কয়েল", "coil"), [2200, 3200], 50, [1, 40]),
      item(b("সার্কিট ব্রেকার", "Circuit Breaker"), PCS, [350, 900], 10, [1, 40]),
      item(b("এক্সটেনশন ক্যাবল", "Extension Cable"), PCS, [300, 700], 10, [1, 30]),
    ],
  },
  {
    shopSuffixes: [b("রেস্তোরাঁ", "Restaurant"), b("হোটেল", "Hotel"), b("ফুড কর্নার", "Food Corner")],
    companySuffixes: [b("ক্যাটারিং", "Catering"), b("ফুড কোর্ট", "Food Court")],
    tagline: b(
      "বিয়ে, জন্মদিন ও যেকোনো অনুষ্ঠানের অর্ডার নেওয়া হয়",
      "Orders taken for weddings, birthdays and all events",
    ),
    items: [
      item(b("চিকেন বিরিয়ানি", "Chicken Biryani"), b("প্লেট", "plate"), [180, 320], 10, [1, 200]),
      item(b("কাচ্চি বিরিয়ানি", "Kacchi Biryani"), b("প্লেট", "plate"), [280, 450], 10, [1, 200]),
      item(b("সাদা ভাত", "Plain Rice"), b("প্লেট", "plate"), [20, 40], 5, [1, 100]),
      item(b("গরুর মাংস", "Beef Curry"), b("প্লেট", "plate"), [180, 280], 10, [1, 80]),
      item(b("মুরগির মাংস", "Chicken Curry"), b("প্লেট", "plate"), [140, 220], 10, [1, 80]),
      item(b("ডাল", "Dal"), b("বাটি", "bowl"), [20, 40], 5, [1, 60]),
      item(b("চা", "Tea"), b("কাপ", "cup"), [10, 20], 5, [1, 100]),
      item(b("বোরহানি", "Borhani"), b("গ্লাস", "glass"), [40, 70], 5, [1, 100]),
      item(b("মিষ্টি", "Sweets"), KG, [300, 600], 20, [1, 30], { fractional: true }),
      item(b("পানি ৫০০ মি.লি.", "Water 500 ml"), BOTTLE, [15, 25], 5, [1, 200]),
    ],
  },
  {
    shopSuffixes: [
      b("সার্ভিসেস", "Services"),
      b("ট্রান্সপোর্ট", "Transport"),
      b("ইঞ্জিনিয়ারিং ওয়ার্কস", "Engineering Works"),
    ],
    companySuffixes: [
      b("লজিস্টিকস লিমিটেড", "Logistics Ltd."),
      b("টেকনিক্যাল সার্ভিসেস", "Technical Services"),
    ],
    tagline: b(
      "ট্রাক, কাভার্ড ভ্যান ভাড়া ও মেশিন মেরামত করা হয়",
      "Truck & covered van hire, machine repair and servicing",
    ),
    items: [
      item(
        b("ট্রাক ভাড়া ঢাকা-চট্টগ্রাম", "Truck Fare Dhaka-Ctg"),
        b("ট্রিপ", "trip"),
        [18000, 32000],
        500,
        [1, 12],
      ),
      item(b("লেবার খরচ", "Labour Charge"), b("জন", "person"), [600, 1000], 50, [2, 40]),
      item(b("মেশিন মেরামত", "Machine Repair"), b("কাজ", "job"), [1500, 15000], 100, [1, 5]),
      item(b("এসি সার্ভিসিং", "AC Servicing"), b("ইউনিট", "unit"), [1200, 3000], 100, [1, 20]),
      item(b("প্রিন্টিং চার্জ", "Printing Charge"), b("কপি", "copy"), [2, 10], 0.5, [100, 5000]),
      item(b("ক্যাটারিং সার্ভিস", "Catering Service"), b("জন", "pax"), [250, 700], 10, [20, 500]),
    ],
  },
  {
    shopSuffixes: [b("বস্ত্রালয়", "Cloth Store"), b("ফেব্রিক্স", "Fabrics"), b("টেক্সটাইল", "Textile")],
    companySuffixes: [
      b("টেক্সটাইল মিলস লিমিটেড", "Textile Mills Ltd."),
      b("নিট কম্পোজিট", "Knit Composite"),
    ],
    tagline: b(
      "এখানে দেশি-বিদেশি সকল প্রকার কাপড় পাইকারি ও খুচরা বিক্রয় করা হয়",
      "Wholesale & retail of all kinds of local & imported fabrics",
    ),
    items: [
      item(b("সুতি কাপড়", "Cotton Fabric"), b("গজ", "yard"), [120, 320], 10, [5, 2000], {
        fractional: true,
      }),
      item(b("শাড়ি", "Saree"), PCS, [800, 4500], 50, [1, 40]),
      item(b("লুঙ্গি", "Lungi"), PCS, [250, 650], 10, [1, 100]),
      item(b("থ্রি-পিস", "Three-Piece"), b("সেট", "set"), [900, 3500], 50, [1, 50]),
      item(b("শার্টের কাপড়", "Shirting Fabric"), b("গজ", "yard"), [150, 400], 10, [5, 1500], {
        fractional: true,
      }),
    ],
  },
];

/** The distinctive part of a business name. */
export const NAME_STEMS: readonly Bilingual[] = [
  b("রহমান", "Rahman"),
  b("করিম", "Karim"),
  b("পদ্মা", "Padma"),
  b("মেঘনা", "Meghna"),
  b("যমুনা", "Jamuna"),
  b("সোনালী", "Sonali"),
  b("রূপালী", "Rupali"),
  b("বিসমিল্লাহ", "Bismillah"),
  b("মদিনা", "Madina"),
  b("আল-আমিন", "Al-Amin"),
  b("ভাই ভাই", "Bhai Bhai"),
  b("হাজী", "Haji"),
  b("নূর", "Nur"),
  b("সবুজ বাংলা", "Sabuj Bangla"),
  b("মায়ের দোয়া", "Mayer Doa"),
  b("নিউ ঢাকা", "New Dhaka"),
  b("গ্রীন", "Green"),
  b("স্টার", "Star"),
  b("ইসলাম", "Islam"),
  b("হোসেন", "Hossain"),
  b("চৌধুরী", "Chowdhury"),
  b("তাজ", "Taj"),
  b("সুরমা", "Surma"),
  b("কর্ণফুলী", "Karnaphuli"),
  b("তিস্তা", "Teesta"),
  b("আদর্শ", "Adarsha"),
];

export const PEOPLE: readonly Bilingual[] = [
  b("মোঃ আব্দুল করিম", "Md. Abdul Karim"),
  b("মোছাঃ রহিমা খাতুন", "Mst. Rahima Khatun"),
  b("শফিকুল ইসলাম", "Shafiqul Islam"),
  b("রফিকুল হাসান", "Rafiqul Hasan"),
  b("নাসরিন আক্তার", "Nasrin Akter"),
  b("জাহিদ হোসেন", "Zahid Hossain"),
  b("তানভীর আহমেদ", "Tanvir Ahmed"),
  b("ফারহানা ইয়াসমিন", "Farhana Yasmin"),
  b("কামরুল হাসান", "Kamrul Hasan"),
  b("সুমন দাস", "Sumon Das"),
  b("মোঃ জসিম উদ্দিন", "Md. Jasim Uddin"),
  b("আনোয়ার হোসেন", "Anwar Hossain"),
];

export const BUYER_COMPANIES: readonly Bilingual[] = [
  b("সানরাইজ গার্মেন্টস লিমিটেড", "Sunrise Garments Ltd."),
  b("গ্রীন ভ্যালি রেস্টুরেন্ট", "Green Valley Restaurant"),
  b("ঢাকা ফুডস লিমিটেড", "Dhaka Foods Ltd."),
  b("রূপসা কনস্ট্রাকশন", "Rupsha Construction"),
  b("আলো ফার্মা লিমিটেড", "Alo Pharma Ltd."),
  b("নর্দান জেনারেল হাসপাতাল", "Northern General Hospital"),
  b("আইডিয়াল মডেল স্কুল", "Ideal Model School"),
  b("বেঙ্গল প্যাকেজিং লিমিটেড", "Bengal Packaging Ltd."),
  b("মেট্রো সুপার শপ", "Metro Super Shop"),
  b("শাপলা ডেভেলপার্স", "Shapla Developers"),
];

export interface Locality {
  place: Bilingual;
  city: Bilingual;
  postcode: string;
}

const loc = (place: Bilingual, city: Bilingual, postcode: string): Locality => ({
  place,
  city,
  postcode,
});
const DHAKA = b("ঢাকা", "Dhaka");
const CTG = b("চট্টগ্রাম", "Chattogram");

export const LOCALITIES: readonly Locality[] = [
  loc(b("নবাবপুর রোড", "Nawabpur Road"), DHAKA, "1100"),
  loc(b("মতিঝিল বা/এ", "Motijheel C/A"), DHAKA, "1000"),
  loc(b("কারওয়ান বাজার", "Karwan Bazar"), DHAKA, "1215"),
  loc(b("চকবাজার", "Chawkbazar"), DHAKA, "1211"),
  loc(b("মিরপুর রোড", "Mirpur Road"), DHAKA, "1205"),
  loc(b("মৌলভীবাজার", "Moulvibazar"), DHAKA, "1100"),
  loc(b("বাদামতলী", "Badamtoli"), DHAKA, "1100"),
  loc(b("খাতুনগঞ্জ", "Khatunganj"), CTG, "4000"),
  loc(b("আগ্রাবাদ বা/এ", "Agrabad C/A"), CTG, "4100"),
  loc(b("জিন্দাবাজার", "Zindabazar"), b("সিলেট", "Sylhet"), "3100"),
  loc(b("সাহেব বাজার", "Shaheb Bazar"), b("রাজশাহী", "Rajshahi"), "6100"),
  loc(b("কেডি ঘোষ রোড", "KD Ghosh Road"), b("খুলনা", "Khulna"), "9100"),
  loc(b("সাতমাথা", "Satmatha"), b("বগুড়া", "Bogura"), "5800"),
  loc(b("কান্দিরপাড়", "Kandirpar"), b("কুমিল্লা", "Cumilla"), "3500"),
  loc(b("২ নং রেলগেট", "2 No. Railgate"), b("নারায়ণগঞ্জ", "Narayanganj"), "1400"),
  loc(b("চৌরাস্তা", "Chowrasta"), b("গাজীপুর", "Gazipur"), "1700"),
];

/** What a stamp says in its middle. */
export const STAMP_WORDS: readonly Bilingual[] = [
  b("পরিশোধিত", "PAID"),
  b("গৃহীত", "RECEIVED"),
  b("নগদ", "CASH"),
];
