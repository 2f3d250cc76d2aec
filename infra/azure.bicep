// Followthrough in Azure: the server on App Service (Linux, Node) as a user-assigned managed
// identity, the Azure Bot with its Teams channel, a Key Vault for the only secrets there are,
// and Log Analytics with Application Insights. Deployed into one resource group by the
// `arm/deploy` step of m365agents.yml (parameters: azure.parameters.json); see infra/README.md.
//
// Every app setting below is a setting config/config.ts reads (test/integration/infra.test.ts
// checks the names) and no value is a secret: secrets are Key Vault references.

targetScope = 'resourceGroup'

@description('Base of every resource name: 3 to 30 lower-case letters, digits and hyphens, e.g. followthrough-dev.')
@minLength(3)
@maxLength(30)
param resourceBaseName string

@description('Azure region for the resources (the bot itself is global).')
param location string = resourceGroup().location

@description('Tags put on every resource.')
param tags object = {}

@description('Client id of the Entra app the tab signs in with and that reads SharePoint (aad.manifest.json): TAB_SSO_CLIENT_ID, and AZURE_CLIENT_ID when Graph is used.')
@minLength(36)
@maxLength(36)
param aadAppClientId string

@secure()
@description('That Entra app\'s client secret. Stored in Key Vault, never in app settings; empty keeps the vault\'s current value.')
param aadAppClientSecret string = ''

@description('The Microsoft 365 tenant (the Entra app\'s): AZURE_TENANT_ID. Defaults to the Azure subscription\'s tenant.')
param m365TenantId string = tenant().tenantId

@description('The Teams app\'s id (the manifest id): TEAMS_APP_ID, which proactive install looks the app up by.')
param teamsAppId string = ''

@description('Where plans live: sharepoint (lists in the tenant, through Graph; production) or sqlite (a file on the app\'s /home share: a trial on one instance only).')
@allowed([
  'sharepoint'
  'sqlite'
])
param store string = 'sharepoint'

@description('With store=sharepoint: the site holding the lists, as a URL (https://contoso.sharepoint.com/sites/quality) or Graph site id.')
param sharePointSite string = ''

@description('on: install the app through Graph for leads who never opened it (needs two more Graph application permissions; see infra/README.md).')
@allowed([
  'off'
  'on'
])
param proactiveInstall string = 'off'

@description('The Bot Connector for the tenant\'s region; the UK one by default.')
param teamsServiceUrl string = 'https://smba.trafficmanager.net/uk/'

@description('How the bot proves who it is: UserAssignedMSI (the app\'s managed identity, no secret) or SingleTenant (an Entra app with a client secret).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the bot\'s Entra app (client) id.')
param singleTenantBotAppId string = ''

@secure()
@description('SingleTenant only: the bot app\'s client secret. Stored in Key Vault; empty keeps the vault\'s current value.')
param botAppPassword string = ''

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan size.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Instances serving the app (Basic plans allow up to 3). More than one share the store; one at a time sends reminders.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Node.js on App Service. Node 20 is what the repository is built and tested on; 22 is also supported.')
@allowed([
  '20-lts'
  '22-lts'
])
param nodeVersion string = '20-lts'

@description('The calendar that decides "today" for due dates (TIME_ZONE).')
param timeZone string = 'Europe/London'

@description('Server log level (LOG_LEVEL).')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('Days logs and telemetry are kept in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Key Vault purge protection (recommended for production; cannot be turned off again).')
param keyVaultPurgeProtection bool = true

// Names. Web app, bot and vault names are global, so they carry a suffix unique to the resource group.
var suffix = take(uniqueString(resourceGroup().id), 6)
var names = {
  identity: '${resourceBaseName}-identity'
  plan: '${resourceBaseName}-plan'
  site: '${resourceBaseName}-${suffix}'
  bot: '${resourceBaseName}-${suffix}'
  vault: 'kv${take(replace(resourceBaseName, '-', ''), 14)}${suffix}'
  workspace: '${resourceBaseName}-logs'
  appInsights: '${resourceBaseName}-insights'
}
var secretNames = {
  aadAppClientSecret: 'aad-app-client-secret'
  botAppPassword: 'bot-app-password'
  appInsightsConnectionString: 'appinsights-connection-string'
}

// The toolkit leaves a ${{...}} placeholder in the parameters file when its variable is empty or unset:
// treat one as "not given" so it is never stored as a secret or a setting.
var placeholderStart = '\${{'
var clientSecretGiven = !empty(aadAppClientSecret) && !startsWith(aadAppClientSecret, placeholderStart)
var botPasswordGiven = !empty(botAppPassword) && !startsWith(botAppPassword, placeholderStart)
var sharePointSiteGiven = !empty(sharePointSite) && !startsWith(sharePointSite, placeholderStart)
var teamsAppIdGiven = !empty(teamsAppId) && !startsWith(teamsAppId, placeholderStart)

var managedIdentityBot = botAppType == 'UserAssignedMSI'
// A managed-identity bot belongs to the identity's (the subscription's) tenant.
var botTenantId = managedIdentityBot ? tenant().tenantId : m365TenantId
var graphNeeded = store == 'sharepoint' || proactiveInstall == 'on'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

var botAppId = managedIdentityBot ? identity.properties.clientId : singleTenantBotAppId

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
  }
}

module keyVault './modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    name: names.vault
    readerPrincipalId: identity.properties.principalId
    purgeProtection: keyVaultPurgeProtection
    secretNames: secretNames
    appInsightsName: monitoring.outputs.appInsightsName
    aadAppClientSecret: clientSecretGiven ? aadAppClientSecret : ''
    botAppPassword: botPasswordGiven ? botAppPassword : ''
  }
}

var vaultUri = keyVault.outputs.vaultUri

// App settings: the names are config/config.ts's. Defaults are left to config (REMINDER_*,
// TAB_RATE_*, INSTANCE_ID, TAB_SSO_APP_ID_URI = api://<PUBLIC_URL host>/<client id>, which is
// the Entra app's identifier URI). PORT is App Service's own.
var baseSettings = {
  STORE: store
  LOG_LEVEL: logLevel
  TIME_ZONE: timeZone
  BOT_APP_ID: botAppId
  BOT_APP_TYPE: botAppType
  BOT_TENANT_ID: botTenantId
  TAB_SSO_CLIENT_ID: aadAppClientId
  PROACTIVE_INSTALL: proactiveInstall
  TEAMS_SERVICE_URL: teamsServiceUrl
  PLAYGROUND: 'off'
  APPLICATIONINSIGHTS_CONNECTION_STRING: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.appInsightsConnectionString}/)'
  // App Service builds the uploaded sources on Linux (npm install, npm run build), so the
  // native SQLite module matches the server whatever machine deployed it.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
}
var sqliteSettings = store == 'sqlite' ? {
  SQLITE_PATH: '/home/data/followthrough.db'
} : {}
var sharePointSettings = sharePointSiteGiven ? {
  SHAREPOINT_SITE: sharePointSite
} : {}
var teamsAppSettings = teamsAppIdGiven ? {
  TEAMS_APP_ID: teamsAppId
} : {}
var graphSettings = graphNeeded ? {
  AZURE_TENANT_ID: m365TenantId
  AZURE_CLIENT_ID: aadAppClientId
  AZURE_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.aadAppClientSecret}/)'
} : {}
var botSecretSettings = managedIdentityBot ? {} : {
  BOT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.botAppPassword}/)'
}
var appSettings = union(baseSettings, sqliteSettings, sharePointSettings, teamsAppSettings, graphSettings, botSecretSettings)

module webApp './modules/web-app.bicep' = {
  name: 'web-app'
  params: {
    location: location
    tags: tags
    planName: names.plan
    siteName: names.site
    planSku: appServicePlanSku
    instanceCount: instanceCount
    nodeVersion: nodeVersion
    identityId: identity.id
    workspaceId: monitoring.outputs.workspaceId
    settings: appSettings
  }
}

var host = webApp.outputs.hostName

module bot './modules/bot.bicep' = {
  name: 'bot'
  params: {
    tags: tags
    name: names.bot
    displayName: 'Followthrough (${resourceBaseName})'
    endpoint: 'https://${host}/api/messages'
    appType: botAppType
    appId: botAppId
    tenantId: botTenantId
    identityId: identity.id
    sku: botSku
  }
}

// Outputs are written to env/.env.<name> by arm/deploy under these exact names.
@description('The bot\'s app (client) id: the manifest\'s bots[0].botId, and the server\'s BOT_APP_ID.')
output BOT_ID string = botAppId

@description('The host serving the bot (the web app).')
output BOT_DOMAIN string = host

@description('The bot\'s messaging endpoint, as set on the Azure Bot.')
output BOT_ENDPOINT string = 'https://${host}/api/messages'

@description('The host serving the tab: the same web app.')
output TAB_DOMAIN string = host

@description('The tab\'s base URL (the server\'s PUBLIC_URL).')
output TAB_ENDPOINT string = 'https://${host}'

@description('Resource id of the web app: the deploy step uploads to it.')
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id

@description('Client id of the managed identity the app runs as.')
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId

@description('Name of the Key Vault holding the secrets.')
output KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the Azure Bot resource.')
output BOT_SERVICE_NAME string = bot.outputs.name
