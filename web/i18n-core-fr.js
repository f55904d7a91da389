// French words for what the core names by code: the page's own refusals
// of a typed number ("e:*") and the names of the core's enum values
// ("o:<path>:<value>": stages, billing models, options); its errors and
// warnings are in i18n-err-fr.js.  The full page's table (i18n-fr.js)
// and the widget both take them from here.

export const stages = { calls: 'Appels passés', contacts: 'Décideurs joints', leads: 'Leads qualifiés', meetings: 'Rendez-vous pris', held: 'Rendez-vous tenus', opportunities: 'Opportunités', deals: 'Affaires signées' };
export const models = { in_house: 'Équipe interne', hourly: 'Au temps passé', hybrid: 'Hybride\u00a0: temps passé + prime par rendez-vous', per_call: 'À l’appel', per_meeting: 'Au rendez-vous validé', per_deal: 'À la commission (par affaire)', flat: 'Forfait' };

const names = {};
for (const [k, v] of Object.entries(stages)) names['o:funnel.entry:' + k] = v;
for (const [k, v] of Object.entries(models)) names['o:costs.model:' + k] = v;

export default {
  ...names,
  'o:funnel.rounding:floor': 'Entières, arrondies à l’inférieur', 'o:funnel.rounding:expected': 'Nombre moyen attendu (non arrondi)',
  'o:costs.meeting_basis:booked': 'Pris (validés)', 'o:costs.meeting_basis:held': 'Tenus',
  'o:goal.metric:revenue': 'Chiffre d’affaires', 'o:goal.metric:margin': 'Marge brute', 'o:goal.metric:net': 'Résultat net',
  'o:goal.metric:deals': 'Affaires signées', 'o:goal.metric:meetings': 'Rendez-vous pris', 'o:goal.metric:held': 'Rendez-vous tenus',
  'e:number': 'nombre attendu, par ex. 1\u00a0800 ou 12,5',
  'e:overflow': 'nombre trop grand', 'e:underflow': 'nombre trop petit (il vaudrait 0)',
};
