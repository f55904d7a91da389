// The widget's French text.  Errors and warnings come from the core's codes
// (i18n-core-fr.js and i18n-err-fr.js, loaded when one has to be shown).  A key ending in
// ".one" is the singular of the key without it (Intl.PluralRules).
export default {
  title: 'Calculateur de ROI', legend: 'Vos chiffres', answer: 'Votre résultat',
  noEngine: 'Le moteur de calcul n’a pas pu être chargé.',
  // Questions, by link key; the volume by the funnel's first known stage
  // (calls, leads, meetings; 'q:vol' for another).
  'q:pmeet': 'Prix payé par rendez-vous validé', 'q:ihc': 'Coût chargé d’une heure de téléopérateur',
  'q:rate': 'Tarif horaire du prestataire', 'q:flat': 'Budget mensuel de génération de leads',
  'q:pdeal': 'Commission par affaire signée', 'q:pcall': 'Prix par appel', 'q:bonus': 'Prime par rendez-vous',
  'q:deal': 'Panier moyen d’une affaire signée', 'q:close': 'Taux de signature des rendez-vous',
  'q:meet': 'Part des leads qui donnent un rendez-vous', 'q:margin': 'Taux de marge brute',
  'q:ops': 'Nombre de téléopérateurs', 'q:hrs': 'Heures par téléopérateur et par mois', 'q:hrs1': 'Heures d’appel par mois',
  'q:vol': 'Volume par mois', 'q:vol:calls': 'Appels passés par mois', 'q:vol:leads': 'Leads qualifiés par mois',
  'q:vol:meetings': 'Rendez-vous pris par mois',
  // The same in the one line of assumptions (and a slider's spoken value).
  'a:pmeet': '{v} par rendez-vous', 'a:ihc': '{v} de l’heure chargée', 'a:rate': '{v} de l’heure', 'a:flat': 'budget de {v}',
  'a:pdeal': '{v} par affaire', 'a:pcall': '{v} par appel', 'a:bonus': 'prime de {v} par rendez-vous',
  'a:deal': 'panier moyen de {v}', 'a:close': '{v} de signature', 'a:meet': '{v} des leads en rendez-vous', 'a:margin': 'marge brute de {v}',
  'a:ops': '{v} téléopérateurs', 'a:ops.one': '{v} téléopérateur', 'a:hrs': '{v}\u00a0h par téléopérateur', 'a:hrs1': '{v}\u00a0h par mois',
  'a:vol': '{v} par mois', 'a:vol:calls': '{v} appels par mois', 'a:vol:calls.one': '{v} appel par mois',
  'a:vol:leads': '{v} leads par mois', 'a:vol:leads.one': '{v} lead par mois',
  'a:vol:meetings': '{v} rendez-vous par mois',
  more: 'Hypothèses\u00a0: {list}', 'more.title': 'Hypothèses', 'more.edit': 'Modifier', 'more.close': 'Fermer',
  // The answer.  {unit}: what the break-even price is for, by billing model
  // (\u2011 and \u00a0: a price and its unit stay on one line of the headline).
  'u:per_meeting': 'par\u00a0rendez\u2011vous', 'u:per_meeting:held': 'par\u00a0rendez\u2011vous\u00a0tenu', 'u:hybrid:held': 'de\u00a0prime\u00a0par\u00a0rendez\u2011vous\u00a0tenu', 'u:in_house': 'de\u00a0l’heure', 'u:hourly': 'de\u00a0l’heure', 'u:flat': 'de\u00a0budget',
  'u:per_deal': 'par\u00a0affaire\u00a0signée', 'u:per_call': 'par\u00a0appel', 'u:hybrid': 'de\u00a0prime\u00a0par\u00a0rendez\u2011vous',
  each: 'chaque euro', Each: 'Chaque euro',
  'v:ok': 'Rentable jusqu’à {max}\u00a0{unit}', 'v:okT': 'ROI de {t} atteint jusqu’à {max}\u00a0{unit}',
  'v:ko': 'Pas rentable à {paid}\u00a0{unit}', 'v:koT': 'ROI de {t} manqué à {paid}\u00a0{unit}',
  'v:never': 'Pas rentable, même gratuit', 'v:neverT': 'ROI de {t} hors d’atteinte, même gratuit',
  'v:ok.sub': 'À {paid}, {each} investi rapporte {k} net.', 'v:loss.sub': 'À {paid}, {each} investi perd {k}.',
  'v:ko.sub': 'Seuil\u00a0: {max}\u00a0{unit}. {Each} investi perd {k}.',
  'v:koT.sub': 'Objectif atteint jusqu’à {max}. À {paid}, {each} rapporte {k} net.',
  'v:even.sub': 'À {paid}, la campagne couvre tout juste ses coûts.',
  'v:free.sub': 'À {paid}, la campagne ne vous coûte rien.',
  'v:never.sub': 'La marge dégagée ne couvre pas les autres coûts.',
  'v:nomargin.sub': 'Aucune marge à gagner\u00a0: le panier moyen ou le taux de marge est à 0.',
  'v:nodeal.sub': 'Aucune affaire signée\u00a0: augmentez le volume ou le taux de signature.',
  'v:nodeal.sub:meet': 'Aucun lead ne donne de rendez-vous\u00a0: augmentez cette part.',
  'v:hours': 'Combien d’heures par mois\u202f?', 'v:hours.sub': 'Indiquez-les sous «\u00a0Hypothèses\u00a0».',
  'v:none': 'Rien à juger avec ces chiffres', 'v:none.sub': 'Indiquez un volume pour obtenir le prix maximal rentable.',
  'f:roi': 'ROI', 'f:net': 'Résultat net par mois', 'f:unit_costs.deal': 'Coût par affaire', 'f:per_hour.revenue': 'Revenu horaire',
  'f:unit_costs.lead': 'Coût par lead', none: '—',
  range: 'Résultat net entre {lo} (prudent) et {hi} (ambitieux)', 'range.none': 'Même résultat net, prudent ou ambitieux.',
  full: 'Voir le calcul complet', newTab: '(nouvel onglet)', reset: 'Valeurs de départ',
};
