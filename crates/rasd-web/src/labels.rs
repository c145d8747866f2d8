//! Interface labels in English and Arabic (`?lang=ar`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ar,
}

impl Lang {
    pub fn from_param(p: Option<&str>) -> Lang {
        match p {
            Some("ar") => Lang::Ar,
            _ => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }

    /// The label of `key`; the key itself when none is known.
    pub fn t(self, key: &'static str) -> &'static str {
        let (en, ar) = match key {
            "title" => (
                "Rasd: incidents, claims and their sources",
                "رصد: الحوادث والحصائل ومصادرها",
            ),
            "map" => ("Map", "الخريطة"),
            "timeline" => ("Timeline", "الخط الزمني"),
            "filters" => ("Filters", "التصفية"),
            "from" => ("From", "من"),
            "to" => ("To", "إلى"),
            "country" => ("Country", "البلد"),
            "admin1" => ("Governorate", "المحافظة"),
            "event_type" => ("Event type", "نوع الحدث"),
            "source" => ("Source", "المصدر"),
            "search" => ("Search", "بحث"),
            "apply" => ("Apply", "تطبيق"),
            "incidents" => ("Incidents", "الحوادث"),
            "incident" => ("Incident", "حادثة"),
            "story" => ("Story", "القصة"),
            "report" => ("Report", "التقرير"),
            "reports" => ("Reports", "التقارير"),
            "place" => ("Place", "المكان"),
            "date" => ("Date", "التاريخ"),
            "killed" => ("Killed", "القتلى"),
            "injured" => ("Injured", "الجرحى"),
            "low" => ("Low", "الأدنى"),
            "best" => ("Best", "الأرجح"),
            "high" => ("High", "الأعلى"),
            "independent_sources" => ("Independent sources", "المصادر المستقلة"),
            "disagreement" => ("Disagreement", "التباين"),
            "claims" => ("Claims", "الحصائل المنقولة"),
            "value" => ("Value", "العدد"),
            "qualifier" => ("Qualifier", "الوصف"),
            "outlet" => ("Outlet", "الوسيلة"),
            "time" => ("Time", "الوقت"),
            "sentence" => ("Sentence", "الجملة"),
            "role" => ("Counted as", "الاحتساب"),
            "copy_of" => ("Copy of", "منقولة عن"),
            "parent" => ("Part of", "جزء من"),
            "parts" => ("Parts", "الأجزاء"),
            "copies" => ("Copied text", "نصوص منقولة"),
            "undated" => ("undated", "غير مؤرخ"),
            "unknown" => ("unknown", "غير معروف"),
            "export" => ("Export", "تصدير"),
            "actors" => ("Actors", "الأطراف"),
            "no_incidents" => ("No incident matches.", "لا توجد حوادث مطابقة."),
            "language" => ("العربية", "English"),
            _ => (key, key),
        };
        match self {
            Lang::En => en,
            Lang::Ar => ar,
        }
    }
}
