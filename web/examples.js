// The worked examples, as links, as the encoder writes them (format version
// 2; the browser tests check them against tests/fixtures/ through the CLI),
// for the full page and the widget.  Pay per meeting is what a first visit
// of the full page shows; an embed can ask for another with ?example=<name>.
export const EXAMPLES = {
  "pay-per-meeting": "v=2&n=Campagne+factur%C3%A9e+au+rendez-vous&e=3&b=4&q=50&w=0.25&d=6000&g=0.4&pm=120",
  "lead-generation": "v=2&n=G%C3%A9n%C3%A9ration+de+leads+-+trimestre&e=1&q=300&l=0.4&p=0.3&w=0.25&d=10000&g=0.4&f=6000:Marketing+(contenus,+emailing,+outils)&f=7000:Temps+commercial&f=2000:Fichiers+et+enrichissement",
  "hourly-revenue-subscription": "v=2&n=Abonnement+B2B+-+3+t%C3%A9l%C3%A9op%C3%A9rateurs&o=3&h=20&q=1800&a=0.1&m=0.3&w=0.3&d=2000",
  "call-campaign-revenue": "v=2&n=Campagne+d'appels+-+ROI+sur+chiffre+d'affaires&e=6&q=1&d=30000&f=12000:Co%C3%BBt+total+de+la+campagne",
};
