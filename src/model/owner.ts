/** Who owns a security concern under the AWS Shared Responsibility Model. */
export type Owner = 'aws' | 'customer' | 'shared';

export const OWNERS: readonly Owner[] = ['aws', 'customer', 'shared'] as const;

/** Labels of owner buttons (quiz answers, tour checks), always in the order AWS, Customer, Shared. */
export const OWNER_BUTTON_LABEL: Record<Owner, string> = {
  aws: 'AWS',
  customer: 'Customer',
  shared: 'Shared',
};

/** Short labels shown to people ("You" reads better than "customer" in chat). */
export const OWNER_LABEL: Record<Owner, string> = {
  aws: 'AWS',
  customer: 'You (the customer)',
  shared: 'Shared',
};
