import { COMMON_WORDS } from './common-words.js';
import type { PhraseIndex } from './phrase-index.js';
import { stem } from './stem.js';

/** All-caps acronyms ("MSK") and CamelCase names ("DynamoDB") as typed, lower-cased. */
const ACRONYM = /\b[A-Z][A-Z0-9]{1,5}s?\b/g;
const CAMEL = /\b[A-Z][a-z]+[A-Z][A-Za-z]*\b/g;

/**
 * Acronyms and abbreviations that are not AWS products: an unknown one of these in a question is
 * no sign of a service the bot does not know.
 */
const NOT_PRODUCTS: ReadonlySet<string> = new Set(
  `aws os api apis sla slas pci dss hipaa gdpr soc iso nist fedramp mfa tls ssl ssh rdp cve cves dns ip ips cidr sso
  ad ldap saml jwt http https tcp udp acl acls nacl nacls ami amis az azs dr ha ci cd it us eu uk faq aka ok ddos cli
  sdk iac rbac abac pii phi xss sql nfs smb iops cpu gpu ram ssd hdd vm vms pki ca csr rpo rto sla byok cmk cmks hsm
  kms iam vpc ec2 s3 rds sg sgs db dbs etl ml ai llm ui ux qa hr ceo cto ciso soc2 edr av ids ips siem waf imds
  imdsv2 tde fips ssm crr srr vpn jvm jdk npm pip os gb tb mb kb am pm tl dr yes no asap fyi btw imo eta
  ii iii iv qsa hvac ups pdf csv json yaml xml kpi okr rfc poc mvp sox glba ferpa ccpa nda cis isms csa irap c5 ens
  dlp casb xdr ndr soar mdr ztna worm pitr scp scps ou ous arn arns cdn eos eol lts crl ocsp cdk cfn ssp sop rca
  sre devops secops noc pr prs adr rfp sow msp isv saas paas iaas cpa cfo cio vp dm pms tldr eod eow`.split(/\s+/),
);

/** The text a person typed, without chat markup (`<@U0SRM>`, `<at>srm</at>`, links) whose ids look like acronyms. */
function withoutMarkup(raw: string): string {
  return raw.slice(0, 2400).replace(/<at>[^<]*<\/at>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

/** Words typed as names (acronyms, CamelCase), lower-cased: the spelling corrector leaves them as they are. */
export function typedAsNames(raw: string): Set<string> {
  const text = withoutMarkup(raw);
  const names = new Set<string>();
  for (const m of text.matchAll(ACRONYM)) names.add(m[0].toLowerCase());
  for (const m of text.matchAll(CAMEL)) names.add(m[0].toLowerCase());
  return names;
}

/**
 * An acronym typed in capitals that names no service, concern or concept the bot knows, and is no
 * everyday abbreviation: most likely a service the bot does not know yet ("who patches MSK?").
 */
export function unknownAcronym(raw: string, index: PhraseIndex): string | undefined {
  for (const m of withoutMarkup(raw).matchAll(ACRONYM)) {
    const word = m[0].toLowerCase();
    const bare = word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word;
    if (NOT_PRODUCTS.has(word) || NOT_PRODUCTS.has(bare) || COMMON_WORDS.has(word)) continue;
    if (index.vocabulary.has(stem(word)) || index.vocabulary.has(stem(bare))) continue;
    return m[0];
  }
  return undefined;
}
