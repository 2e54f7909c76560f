import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { bn } from "./bn";
import { en } from "./en";

export type Language = "en" | "bn";
const KEY = "chalan.language";

export function savedLanguage(): Language {
  return localStorage.getItem(KEY) === "bn" ? "bn" : "en";
}

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export async function initI18n(): Promise<void> {
  const lng = savedLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: "en",
    resources: { en: { translation: en }, bn: { translation: bn } },
    interpolation: { escapeValue: false },
  });
}
