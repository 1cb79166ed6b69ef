// The ECB's reference rates of 4 December 2026, in its daily file's layout (eurofxref.csv), as Caisse ships them.
// A module rather than a file read at run time, so the server bundle carries it without tracing the file system.
export const ECB_SNAPSHOT_CSV = `Date, USD, JPY, CZK, DKK, GBP, HUF, PLN, RON, SEK, CHF, ISK, NOK, TRY, AUD, BRL, CAD, CNY, HKD, IDR, ILS, INR, KRW, MXN, MYR, NZD, PHP, SGD, THB, ZAR, 
04 December 2026, 1.1650, 180.85, 24.215, 7.4690, 0.87420, 382.45, 4.2310, 5.0905, 10.9480, 0.9365, 147.20, 11.7615, 49.6120, 1.7620, 6.2145, 1.6285, 8.2365, 9.0650, 19420.55, 3.7850, 104.6350, 1712.45, 21.2540, 4.7820, 2.0185, 68.420, 1.5085, 37.215, 19.8460, 
`;
