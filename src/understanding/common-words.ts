/**
 * Everyday English words the spelling corrector must leave alone: they are not typos of AWS names.
 * (A word not here and not in the knowledge base's vocabulary is a candidate typo.)
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing done down during each either else even ever every
  few for from further get gets getting give go goes going got had has have having he her here hers him his
  how i if in into is it its itself just know let like make makes me mine more most much must my myself
  need needs no nor not now of off on once only or other our ours out over own per really same say says see
  she should so some such take takes tell than that the their them then there these they thing things this
  those through to too under until up us use used uses using very want wants was way we well were what
  when where whether which while who whom whose whoever why will with within without would yes yet you your yours
  yourself actually anyone anybody someone somebody everyone everybody team teams company new hire
  responsible responsibility responsibilities own owns owner owning job task duty handle handles handling
  charge care look looks looking after manage manages managing managed aws amazon cloud customer customers
  provider vendor side part shared share split between question questions answer quick hi hello hey
  please thanks okay ok sure right wrong true false still exactly basically also either neither really
  today tomorrow yesterday week time year day good bad best better great nice cool fine
  explain what whats does doesnt dont isnt arent cant wont im ive id youre theyre lets understand
  meaning mean means difference different compare comparison versus vs against
  something anything everything nothing stuff whole entire kind type sort main mostly usually always never
  work works working run runs running build building built deploy deployed deploying host hosted
  thing set setting settings enable enabled turn turned keep keeping make sure ensure check checking
  wondering wonder curious asking ask told think thought guess sure certain confused confusing
  configure configures configured configuring configuration config setup set up install installs installed
  environment environments production staging prod dev test testing account team project
  first second third last next one two three four five ten hundred lot lots many few several
  floor floors factory plant plants office offices warehouse shop colo colos colocation cage cages hall halls
  night nights tonight morning evening weekend died dies broke broken bake bakes baked baking hook hooks`.split(/\s+/),
);
