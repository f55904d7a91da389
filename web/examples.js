// The worked examples, as links (the browser tests check them against
// tests/fixtures/ through the CLI), for the full page and the widget.  Pay
// per meeting is what a first visit of the full page shows; an embed can
// ask for another with ?example=<name>.
export const EXAMPLES = {
  "pay-per-meeting": "v=1&n=Campagne+factur%C3%A9e+au+rendez-vous&entry=meetings&model=per_meeting&vol=50&close=0.25&deal=6000&margin=0.4&pmeet=120",
  "lead-generation": "v=1&n=G%C3%A9n%C3%A9ration+de+leads+-+trimestre&entry=contacts&vol=300&lead=0.4&opp=0.3&close=0.25&deal=10000&margin=0.4&fix=6000:Marketing+(contenus,+emailing,+outils)&fix=7000:Temps+commercial&fix=2000:Fichiers+et+enrichissement",
  "hourly-revenue-subscription": "v=1&n=Abonnement+B2B+-+3+t%C3%A9l%C3%A9op%C3%A9rateurs&ops=3&hrs=20&vol=1800&contact=0.1&meet=0.3&close=0.3&deal=2000",
  "call-campaign-revenue": "v=1&n=Campagne+d'appels+-+ROI+sur+chiffre+d'affaires&entry=deals&vol=1&deal=30000&fix=12000:Co%C3%BBt+total+de+la+campagne",
};
