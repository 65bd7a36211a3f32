import { Duration, Fn } from "aws-cdk-lib";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CachePolicy,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { type StackContext, StaticSite, use } from "sst/constructs";
import { contentSecurityPolicy } from "../packages/functions/src/http/site-headers";
import { Api } from "./api";
import { Documents } from "./documents";
import { useSettings } from "./settings";

/**
 * The web form (packages/web, built by `npm run build -w @entraide/web` into `dist`) behind
 * CloudFront on the stage's domain, which also forwards `/api/*` to the HTTP API.
 */
export function Web({ stack, app }: StackContext) {
  const settings = useSettings(app);
  const { api } = use(Api);
  const { bucket } = use(Documents);

  const securityHeaders = new ResponseHeadersPolicy(stack, "SecurityHeaders", {
    securityHeadersBehavior: {
      contentSecurityPolicy: {
        contentSecurityPolicy: contentSecurityPolicy(`https://${bucket.bucketRegionalDomainName}`),
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        preload: true,
        override: true,
      },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
    },
  });

  // The API's own host, e.g. abc123.execute-api.eu-west-1.amazonaws.com.
  const apiHost = Fn.select(2, Fn.split("/", api.url));
  const site = new StaticSite(stack, "Site", {
    path: "packages/web",
    buildCommand: "npm run build -w @entraide/web",
    buildOutput: "dist",
    // SST writes Vite env types into the site when it finds a vite.config; keep them out of
    // the web package's sources.
    vite: { types: "../../.sst/web-env.d.ts" },
    customDomain: {
      domainName: settings.domain,
      isExternalDomain: true,
      cdk: {
        certificate: Certificate.fromCertificateArn(stack, "Certificate", settings.certificateArn),
      },
    },
    cdk: {
      distribution: {
        // CloudFront's error responses apply to every behavior: SST's default (index.html for
        // 403/404) would turn the API's JSON 404s into pages with status 200.
        errorResponses: [],
        priceClass: PriceClass.PRICE_CLASS_100,
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        defaultBehavior: {
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: securityHeaders,
        },
        additionalBehaviors: {
          "/api/*": {
            origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: AllowedMethods.ALLOW_ALL,
            // Never cached; every viewer header but Host (API Gateway routes on its own host)
            // reaches the API, Authorization included, which CloudFront allows with caching off.
            cachePolicy: CachePolicy.CACHING_DISABLED,
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          },
        },
      },
    },
  });
  stack.addOutputs({
    SiteUrl: settings.publicUrl,
    CloudFrontDomain: site.cdk?.distribution.distributionDomainName ?? "",
  });
  return { site };
}
