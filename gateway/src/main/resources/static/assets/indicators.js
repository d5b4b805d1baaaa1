// The indicators the dashboard shows, computed from an aggregate {pledges, recognition}. Not the aggregate's reports:
// they add up every period ending in the year; the reporting rate is shown one period at a time (period-rate.js).
import { number, percent, share } from './format.js';

const sum = (values) => Object.values(values ?? {}).reduce((total, value) => total + Number(value ?? 0), 0);

export const GRADES = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];
export const AWARDS = ['LETTER_OF_COMMENDATION', 'CERTIFICATE_OF_MERIT', 'DIPLOMA_OF_MERIT'];

export const INDICATORS = {
  coverage: { labelKey: 'indicator.coverage', value: (a) => a?.pledges?.coverage ?? null, format: percent },
  onTimeShare: { labelKey: 'indicator.onTimeShare', value: (a) => share(a?.pledges?.onTime, a?.pledges?.registered), format: percent },
  genericShare: { labelKey: 'indicator.genericShare', value: (a) => share(a?.pledges?.generic, a?.pledges?.registered), format: percent },
  registered: { labelKey: 'indicator.registered', value: (a) => a?.pledges?.registered ?? 0, format: number },
  awarded: { labelKey: 'indicator.awarded', value: (a) => awardedTotal(a), format: number },
};

export function awardedTotal(aggregate) {
  return sum(aggregate?.recognition?.awarded);
}

export function evaluatedTotal(aggregate) {
  return sum(aggregate?.pledges?.evaluated);
}
