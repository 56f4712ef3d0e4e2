import { describe, expect, it } from 'vitest';
import { PostmortemDocument } from '../src/model/index.js';
import { documentLanguage } from '../src/model/text/language.js';

const PROSE: Record<string, string> = {
  en: 'On Thursday the checkout service returned errors for 40 minutes after a deploy changed the size of the pool. The on-call engineer rolled it back at 14:40, and the error rate was back to normal by 14:52.',
  de: 'Am Donnerstag war der Checkout für 40 Minuten nicht erreichbar, nachdem ein Deployment die Größe des Pools geändert hatte. Die Bereitschaft hat es um 14:40 zurückgerollt, und die Fehlerrate war um 14:52 wieder normal.',
  fr: "Jeudi, le service de paiement a renvoyé des erreurs pendant 40 minutes après un déploiement qui a changé la taille du pool. L'astreinte l'a annulé à 14:40 et le taux d'erreur était revenu à la normale à 14:52.",
  es: 'El jueves el servicio de pago devolvió errores durante 40 minutos después de un despliegue que cambió el tamaño del pool. La guardia lo revirtió a las 14:40 y la tasa de errores volvió a la normalidad a las 14:52.',
  pt: 'Na quinta-feira o serviço de pagamento retornou erros por 40 minutos depois que uma implantação mudou o tamanho do pool. O plantão reverteu a mudança às 14:40 e a taxa de erros voltou ao normal às 14:52.',
  nl: 'Op donderdag gaf de betaaldienst 40 minuten lang fouten nadat een uitrol de grootte van de pool had gewijzigd. De dienstdoende engineer heeft het om 14:40 teruggedraaid en het aantal fouten was om 14:52 weer normaal.',
  it: "Giovedì il servizio di pagamento ha restituito errori per 40 minuti dopo un rilascio che ha cambiato la dimensione del pool. Il reperibile lo ha annullato alle 14:40 e il tasso di errori è tornato normale alle 14:52.",
  sv: 'I torsdags gav betaltjänsten fel i 40 minuter efter att en utrullning hade ändrat storleken på poolen. Jourhavande rullade tillbaka den klockan 14:40 och felfrekvensen var normal igen 14:52, och det var det som vi såg.',
  pl: 'W czwartek usługa płatności zwracała błędy przez 40 minut po tym, jak wdrożenie zmieniło rozmiar puli. Dyżurny wycofał je o 14:40 i do 14:52 liczba błędów wróciła do normy, ale nie było to widać na panelu, który był przez nas używany.',
};

describe('the language of a document', () => {
  it('tells the Latin-script languages pm-lint reads from those it does not', () => {
    const codes = Object.fromEntries(Object.entries(PROSE).map(([code, text]) => [code, documentLanguage([text])]));
    expect(codes).toEqual({
      en: { code: 'en', readable: true },
      de: { code: 'de', readable: true },
      fr: { code: 'fr', readable: true },
      es: { code: 'es', readable: true },
      pt: { code: 'pt', readable: true },
      nl: { code: 'nl', readable: false },
      it: { code: 'it', readable: false },
      sv: { code: 'sv', readable: false },
      pl: { code: 'pl', readable: false },
    });
  });

  it('tells other scripts by their letters, whatever Latin names stand among them', () => {
    const russian = '2 апреля 2026 года с 11:02 до 11:48 UTC API было недоступно для сорока процентов пользователей, пока релиз 2.14 не был откачен дежурным инженером.';
    expect(documentLanguage([russian])).toEqual({ code: 'Cyrl', readable: false });
    expect(documentLanguage(['2026年3月14日 14:05 に API サーバーの応答が遅くなり、15:10 に復旧しました。原因は DB の接続プールの枯渇です。'])).toEqual({ code: 'ja', readable: true });
    expect(documentLanguage(['2026年3月14日 14:05 API 服务器响应变慢，15:10 恢复。原因是数据库连接池耗尽，发布时没有检查配置。'])).toEqual({ code: 'zh', readable: true });
    expect(documentLanguage(['2026년 3월 14일 14:05에 API 서버 응답이 느려졌고 15:10에 복구되었습니다. 원인은 DB 커넥션 풀 고갈입니다.'])).toEqual({ code: 'ko', readable: true });
  });

  it('says nothing of prose too short to tell, and is not misled by versions and units', () => {
    expect(documentLanguage(['Wachtrij leeg; incident opgelost.'])).toEqual({ code: null, readable: true });
    expect(documentLanguage([])).toEqual({ code: null, readable: true });
    // "v2.14", "30s", "5 s": single letters belong to no language's list.
    const english = 'The v2.14 deploy took 30s per node, 5 s for the checks, and the pool went from 50 to 5 at 14:05 when the config was read. It was rolled back by the on-call.';
    expect(documentLanguage([english])).toEqual({ code: 'en', readable: true });
  });

  it('reads the prose of paragraphs and table cells', () => {
    const dutchTable = [
      '# Storing', '', '| Tijd | Gebeurtenis |', '|---|---|',
      '| 13:40 | Versie 4.2 van de consumer is uitgerold en het aantal workers stond op 2 in plaats van 20. |',
      '| 13:58 | Het alert over de wachtrij gaat af en de dienstdoende engineer wordt gebeld door het systeem. |',
      '| 15:05 | De wachtrij is leeg en het incident is opgelost, er zijn geen berichten verloren gegaan. |', '',
    ].join('\n');
    expect(new PostmortemDocument(dutchTable).language).toEqual({ code: 'nl', readable: false });
  });
});
