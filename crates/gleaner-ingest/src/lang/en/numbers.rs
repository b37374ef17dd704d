//! Number words, scales, fractions, currencies, units of measure, and what happened to what is
//! counted (killed, wounded, arrested). General facts of English, nothing from any one
//! document; the numbers and dates extractors read them through the numeral core.

/// 0–19 and the tens.
pub fn small(w: &str) -> Option<u32> {
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return tens(w),
    })
}

/// 20, 30, ... 90.
pub fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Multiplying scale words (not "hundred", handled apart).
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "mln" | "mn" | "mil" | "mio" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tln" | "trn" | "tn" => 1e12,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Plural scale words used as vague amounts ("hundreds of", "thousands"), with the lower bound
/// they imply (two of them).
pub fn vague(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "millions" => 2e6,
        "billions" => 2e9,
        "trillions" => 2e12,
        _ => return None,
    })
}

/// Ordinal words and their numbers ("first" → 1, "twentieth" → 20, "hundredth" → 100).
pub fn ordinal(w: &str) -> Option<u64> {
    let w = w.strip_suffix('s').filter(|s| s.ends_with("th") || s.ends_with("rd") || *s == "half").unwrap_or(w);
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        "billionth" => 1_000_000_000,
        "trillionth" => 1_000_000_000_000,
        _ => {
            // "twenty-first"
            let (t, o) = w.split_once('-')?;
            return Some(u64::from(tens(t)?) + ordinal(o).filter(|&o| o < 10)?);
        }
    })
}

/// Denominator words of fractions: "half" 2, "thirds" 3, "quarter" 4, and any ordinal but
/// "first"/"second" ("five eighths", "a hundredth").
pub fn denominator(w: &str) -> Option<f64> {
    match w {
        "half" | "halves" => Some(2.0),
        "quarter" | "quarters" => Some(4.0),
        "first" | "firsts" | "second" | "seconds" => None,
        _ => {
            let singular = w.strip_suffix('s').unwrap_or(w);
            ordinal(singular).map(|v| v as f64)
        }
    }
}

/// Unicode vulgar fractions.
pub fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// Currency signs written before the amount, with their ISO 4217 code.
pub fn currency_sign(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "US$" | "U.S.$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" | "Rs" | "Rs." => "INR",
        "C$" => "CAD",
        "A$" => "AUD",
        "HK$" => "HKD",
        "₩" => "KRW",
        "₽" => "RUB",
        "₦" => "NGN",
        "₺" => "TRY",
        "₿" => "BTC",
        "₾" => "GEL",
        "元" => "CNY",
        "円" => "JPY",
        "usd" | "USD" => "USD",
        "eur" | "EUR" => "EUR",
        "gbp" | "GBP" => "GBP",
        "jpy" | "JPY" => "JPY",
        "chf" | "CHF" => "CHF",
        "cny" | "CNY" => "CNY",
        _ => return None,
    })
}

/// ISO 4217 codes of the commoner currencies (upper case).
pub fn iso_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CHF" => "CHF",
        "CNY" => "CNY",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "NZD" => "NZD",
        "HKD" => "HKD",
        "INR" => "INR",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "RUB" => "RUB",
        "BRL" => "BRL",
        "ZAR" => "ZAR",
        "MXN" => "MXN",
        "KRW" => "KRW",
        "SGD" => "SGD",
        "AFN" => "AFN",
        "PKR" => "PKR",
        "SAR" => "SAR",
        "AED" => "AED",
        "TRY" => "TRY",
        _ => return None,
    })
}

/// Currency words written after the amount (lower case), with their ISO code.
pub fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "dlr" | "dlrs" | "usd" | "bucks" => "USD",
        "cent" | "cents" | "ct" | "cts" => "USD/100",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "sterling" | "stg" | "gbp" => "GBP",
        "pence" | "penny" | "p" => "GBP/100",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "rmb" | "cny" => "CNY",
        "rupee" | "rupees" | "inr" => "INR",
        "franc" | "francs" | "chf" => "CHF",
        "mark" | "marks" | "deutschmark" | "deutschmarks" | "dm" => "DEM",
        "markka" | "markkaa" => "FIM",
        "lira" | "lire" => "ITL",
        "peso" | "pesos" => "MXN",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "won" => "KRW",
        "riyal" | "riyals" => "SAR",
        "dinar" | "dinars" => "IQD",
        "afghani" | "afghanis" => "AFN",
        "rand" => "ZAR",
        "krona" | "kronor" | "krone" | "kroner" | "sek" => "SEK",
        "shekel" | "shekels" => "ILS",
        "naira" => "NGN",
        _ => return None,
    })
}

/// Adjectives that specify a dollar ("Canadian dollars", "Hong Kong dollars") and what they turn
/// USD into.
pub fn dollar_country(w: &str) -> Option<&'static str> {
    Some(match w {
        "canadian" => "CAD",
        "australian" => "AUD",
        "singapore" => "SGD",
        "taiwan" => "TWD",
        "new zealand" | "zealand" => "NZD",
        "hong" | "kong" => "HKD",
        "u.s." | "us" | "american" => "USD",
        _ => return None,
    })
}

/// Units of measure (lower case, or exact for the case-sensitive symbols) → normalized unit.
pub fn unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "km",
        "m" | "meter" | "meters" | "metre" | "metres" => "m",
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => "cm",
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => "mm",
        "mi" | "mile" | "miles" => "mi",
        "ft" | "foot" | "feet" => "ft",
        "in" | "inch" | "inches" => "in",
        "yd" | "yard" | "yards" => "yd",
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" => "kg",
        "g" | "gram" | "grams" | "gramme" | "grammes" => "g",
        "mg" | "milligram" | "milligrams" => "mg",
        "lb" | "lbs" => "lb",
        "oz" | "ounce" | "ounces" => "oz",
        "t" | "tonne" | "tonnes" | "ton" | "tons" | "metric ton" => "t",
        "l" | "liter" | "liters" | "litre" | "litres" => "l",
        "ml" | "milliliter" | "milliliters" | "millilitre" | "millilitres" => "ml",
        "gal" | "gallon" | "gallons" => "gal",
        "barrel" | "barrels" | "bbl" | "bbls" => "bbl",
        "bushel" | "bushels" => "bu",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "ha",
        "sq" => "sq",
        "mph" => "mph",
        "kph" | "km/h" | "kmh" | "kmph" | "km/hr" => "km/h",
        "m2" | "sqm" => "m2",
        "km2" | "sqkm" => "km2",
        "rad" | "radian" | "radians" => "rad",
        "knot" | "knots" => "kn",
        "°c" | "celsius" | "centigrade" => "°C",
        "°f" | "fahrenheit" => "°F",
        "degree" | "degrees" => "°",
        "mw" | "megawatt" | "megawatts" => "MW",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kwh" => "kWh",
        "gb" | "gigabyte" | "gigabytes" => "GB",
        "mb" | "megabyte" | "megabytes" => "MB",
        "tb" | "terabyte" | "terabytes" => "TB",
        _ => return None,
    })
}

/// A unit word that is also a common English word after a number ("in", "m", "t", "g", "sq"),
/// taken as a unit only when glued to the digits ("5in", "10m") or in a clear measure context.
pub fn ambiguous_unit(w: &str) -> bool {
    matches!(
        w,
        "in" | "m"
            | "t"
            | "g"
            | "l"
            | "mi"
            | "ha"
            | "sq"
            | "p"
            | "yd"
            | "mark"
            | "marks"
            | "won"
            | "rand"
            | "pound"
            | "pounds"
            | "degree"
            | "degrees"
    )
}

/// Verbs and adjectives of what happened to what is counted, normalized: deaths → `killed` (the
/// killing verbs and words of dying of `lang::en`),
/// injuries → `wounded`, and so on. Matched on lower-case words.
pub fn event(w: &str) -> Option<&'static str> {
    if super::says_died(w) {
        return Some("killed");
    }
    Some(match w {
        "wounded" | "wounding" | "wounds" | "injured" | "injuring" | "injures" | "hurt" | "maimed" | "injuries" => {
            "wounded"
        }
        "arrested" | "arresting" | "arrests" | "detained" | "detaining" | "jailed" | "imprisoned" | "captured"
        | "capturing" | "apprehended" | "rounded" => "arrested",
        "kidnapped" | "kidnapping" | "abducted" | "abducting" | "seized" | "hostage" | "hostages" => "kidnapped",
        "displaced" | "displacing" | "uprooted" | "homeless" => "displaced",
        "missing" | "disappeared" => "missing",
        "evacuated" | "evacuating" | "airlifted" => "evacuated",
        "rescued" | "freed" | "released" | "liberated" => "freed",
        "fled" | "fleeing" => "fled",
        "deported" | "expelled" => "deported",
        "recruited" => "recruited",
        "convicted" | "sentenced" => "convicted",
        "charged" | "indicted" => "charged",
        _ => return None,
    })
}
