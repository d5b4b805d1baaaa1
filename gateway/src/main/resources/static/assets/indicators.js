// The indicators the dashboard shows, computed from an aggregate {pledges, recognition, reports}.
import { number, percent, share } from './format.js';

const sum = (values) => Object.values(values ?? {}).reduce((total, value) => total + Number(value ?? 0), 0);

export const GRADES = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];
export const AWARDS = ['LETTER_OF_COMMENDATION', 'CERTIFICATE_OF_MERIT', 'DIPLOMA_OF_MERIT'];

export const INDICATORS = {
  coverage: { labelKey: 'indicator.coverage', value: (a) => a?.pledges?.coverage ?? null, format: percent },
  onTimeShare: { labelKey: 'indicator.onTimeShare', value: (a) => share(a?.pledges?.onTime, a?.pledges?.registered), format: percent },
  genericShare: { labelKey: 'indicator.genericShare', value: (a) => share(a?.pledges?.generic, a?.pledges?.registered), format: percent },
  reportCompleteness: { labelKey: 'indicator.reportCompleteness', value: (a) => share(a?.reports?.submitted, a?.reports?.expected), format: percent },
  registered: { labelKey: 'indicator.registered', value: (a) => a?.pledges?.registered ?? 0, format: number },
  awarded: { labelKey: 'indicator.awarded', value: (a) => awardedTotal(a), format: number },
};

export function awardedTotal(aggregate) {
  return sum(aggregate?.recognition?.awarded);
}

export function evaluatedTotal(aggregate) {
  return sum(aggregate?.pledges?.evaluated);
}
